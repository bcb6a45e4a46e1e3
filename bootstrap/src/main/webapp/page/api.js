// Calls to the server's JSON API. Every failure becomes an Error whose message is the one the
// server gave ({"error":{"message"}} on /api/*, {"status":"error","error":"..."} on /run-task/).
// When the server has API keys, a 401 asks the person for one (the key dialog); it is kept in
// sessionStorage only (gone with the tab) and sent as a bearer token with every call, never in a URL.

const KEY_ITEM = 'workbench.api-key';

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  const init = { ...options, headers: { Accept: 'application/json', ...options.headers } };
  if (options.json !== undefined) {
    init.method = init.method || 'POST';
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.json);
  }
  const response = await authorizedFetch(path, init);
  const text = await response.text();
  const body = parse(text);
  if (!response.ok) {
    throw new ApiError(errorMessage(body) || `The server answered ${response.status}.`, response.status);
  }
  return body;
}

/**
 * fetch with the key the person gave, if any; a 401 asks for a key and, given one, tries again.
 * Every call to the server goes through here, streams included (EventSource cannot send a header).
 */
export async function authorizedFetch(path, init = {}) {
  let response = await send(path, init);
  // A wrong key is asked for again, with the server's message, until the person gives a right one or cancels.
  while (response.status === 401 && await askForKey(errorMessage(parse(await response.clone().text())))) {
    response = await send(path, init);
  }
  return response;
}

async function send(path, init) {
  const key = sessionStorage.getItem(KEY_ITEM);
  const headers = key ? { ...init.headers, Authorization: `Bearer ${key}` } : init.headers;
  try {
    return await fetch(path, { ...init, headers });
  } catch (failure) {
    throw new ApiError(`The server did not answer (${failure.message}).`, 0);
  }
}

let asking = null;

/** Shows the key dialog once however many calls were refused at once; resolves whether a key was given. */
function askForKey(reason) {
  asking ??= new Promise(resolve => {
    const dialog = document.getElementById('key-dialog');
    const input = dialog.querySelector('#key-input');
    dialog.querySelector('#key-reason').textContent = reason || 'This server needs an API key.';
    input.value = '';
    dialog.addEventListener('close', () => {
      asking = null;
      const key = dialog.returnValue === 'use' ? input.value.trim() : '';
      input.value = '';
      if (key) {
        sessionStorage.setItem(KEY_ITEM, key);
      }
      resolve(Boolean(key));
    }, { once: true });
    dialog.showModal();
  });
  return asking;
}

/**
 * Follows a Server-Sent Events stream with fetch, so it carries the key: calls onEvent(name, data) for each event
 * until the stream ends or the returned function is called; onEnd(error) runs once if it ends on its own.
 */
export function followEvents(path, onEvent, onEnd) {
  const controller = new AbortController();
  (async () => {
    const response = await authorizedFetch(path, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    if (!response.ok) {
      throw new ApiError(errorMessage(parse(await response.text())) || `The server answered ${response.status}.`, response.status);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value.replaceAll('\r\n', '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const name = lines.find(line => line.startsWith('event:'))?.slice(6).trim() || 'message';
        const data = lines.filter(line => line.startsWith('data:')).map(line => line.slice(5).replace(/^ /, '')).join('\n');
        onEvent(name, data);
      }
    }
  })().then(() => controller.signal.aborted || onEnd(null), failure => controller.signal.aborted || onEnd(failure));
  return () => controller.abort();
}

/** Saves what path answers as a file, fetched with the key (a plain link could not send it). */
export async function download(path, name) {
  const response = await authorizedFetch(path);
  if (!response.ok) {
    throw new ApiError(errorMessage(parse(await response.text())) || `The server answered ${response.status}.`, response.status);
  }
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
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
