// The "Emulator" section: the emulator's live settings as a form bound to /api/emulator/config (PATCH sends what
// changed, DELETE restores the configured values), and a chat box that streams an answer from /v1/chat/completions
// and shows the time to first token and the gaps between tokens as this browser measured them.
import { api, authorizedFetch, clearError, showError } from './api.js';

export function init(section) {
  const form = section.querySelector('#pg-settings');
  const fields = form.querySelector('#pg-fields');
  let shown = {};

  const fill = settings => {
    shown = settings;
    fields.replaceChildren(...Object.entries(settings).map(([key, value]) => {
      const label = document.createElement('label');
      label.append(key);
      const input = document.createElement('input');
      input.name = key;
      input.value = value === null ? '' : String(value);
      input.dataset.key = key;
      label.append(input);
      return label;
    }));
  };
  const load = async () => fill(await api('/api/emulator/config'));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError();
    const changes = {};
    for (const input of fields.querySelectorAll('input')) {
      const before = shown[input.name] === null ? '' : String(shown[input.name]);
      if (input.value !== before) {
        changes[input.name] = input.value;
      }
    }
    try {
      fill(await api('/api/emulator/config', { method: 'PATCH', json: changes }));
    } catch (failure) {
      showError(`The settings were not changed: ${failure.message}`);
    }
  });
  form.querySelector('#pg-restore').addEventListener('click', async () => {
    clearError();
    try {
      fill(await api('/api/emulator/config', { method: 'DELETE' }));
    } catch (failure) {
      showError(`The settings were not restored: ${failure.message}`);
    }
  });
  section.querySelector('#pg-chat').addEventListener('submit', event => {
    event.preventDefault();
    chat(section).catch(failure => showError(`The chat failed: ${failure.message}`));
  });
  load().catch(failure => showError(`The settings could not be read: ${failure.message}`));
}

async function chat(section) {
  clearError();
  const answer = section.querySelector('#pg-answer');
  const send = section.querySelector('#pg-send');
  answer.textContent = '';
  send.disabled = true;
  const started = performance.now();
  const arrivals = [];
  try {
    const response = await authorizedFetch('/v1/chat/completions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({
        model: section.querySelector('#pg-model').value,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: section.querySelector('#pg-message').value }],
      }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body?.error?.message || `the server answered ${response.status}`);
    }
    let usage = null;
    await events(response, event => {
      const delta = event.choices?.[0]?.delta?.content;
      if (delta) {
        arrivals.push(performance.now());
        answer.textContent += delta;
      }
      usage = event.usage || usage;
    });
    showTiming(section, started, arrivals, usage);
  } finally {
    send.disabled = false;
  }
}

/** Calls {@code onEvent} with each JSON event of an SSE body, as it arrives, until data: [DONE]. */
async function events(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer.slice(0, end).split('\n').filter(line => line.startsWith('data:')).map(line => line.slice(5).trim()).join('');
      buffer = buffer.slice(end + 2);
      if (data === '[DONE]') {
        return;
      }
      if (data) {
        onEvent(JSON.parse(data));
      }
    }
  }
}

function showTiming(section, started, arrivals, usage) {
  const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]).sort((a, b) => a - b);
  const ms = value => (value === undefined ? '–' : `${value.toFixed(1)} ms`);
  const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : undefined;
  section.querySelector('#pg-ttft').textContent = ms(arrivals.length ? arrivals[0] - started : undefined);
  section.querySelector('#pg-itl').textContent = ms(mean);
  section.querySelector('#pg-itl-p50').textContent = ms(gaps[Math.floor((gaps.length - 1) / 2)]);
  section.querySelector('#pg-tokens').textContent = usage ? String(usage.completion_tokens) : String(arrivals.length);
}
