// Calls to the server's JSON API. Every failure becomes an Error whose message is the one the
// server gave ({"error":{"message"}} on /api/*, {"status":"error","error":"..."} on /run-task/).

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  const init = { headers: { Accept: 'application/json' }, ...options };
  if (options.json !== undefined) {
    init.method = init.method || 'POST';
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (failure) {
    throw new ApiError(`The server did not answer (${failure.message}).`, 0);
  }
  const text = await response.text();
  const body = parse(text);
  if (!response.ok) {
    throw new ApiError(errorMessage(body) || `The server answered ${response.status}.`, response.status);
  }
  return body;
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function errorMessage(body) {
  if (!body || typeof body !== 'object') {
    return null;
  }
  if (body.error && typeof body.error === 'object') {
    const { message, param } = body.error;
    return param && !String(message).includes(param) ? `${message} (${param})` : message;
  }
  return typeof body.error === 'string' ? body.error : null;
}

const alertBox = () => document.getElementById('alert');

/** Shows a message to the person in the page's one alert, which screen readers announce. */
export function showError(message) {
  document.getElementById('alert-text').textContent = message;
  alertBox().hidden = false;
  alertBox().scrollIntoView({ block: 'nearest' });
}

export function clearError() {
  alertBox().hidden = true;
}
