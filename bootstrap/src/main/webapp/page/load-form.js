// The load-test form: the task runner's fields first, then what this runner adds. It reads into
// the body of POST /api/load-tests, sending only what the person filled in, so that the server's
// defaults apply to the rest (the target's host above all: empty means this server's emulator).

const SCENARIOS = ['chat_completions', 'chat_completions_nonstream', 'completions', 'embeddings', 'responses'];

// The last started run's fields come back on the next visit, the API key never: it is not written anywhere.
const REMEMBERED = 'workbench.load-test.form';
const UNREMEMBERED = new Set(['lt-api-key', 'lt-prompts']);

export function initForm(form) {
  restore(form);
  const tags = form.querySelector('#lt-tags');
  const scenarios = form.querySelector('#lt-scenarios');
  for (const name of SCENARIOS) {
    scenarios.append(scenarioRow(name, () => { tags.value = tagsOf(scenarios); }));
  }
  tags.addEventListener('input', () => showTags(scenarios, tags.value));
  showTags(scenarios, tags.value);
  // A reset puts back the task runner's defaults after this event, so the scenarios follow a moment later.
  form.addEventListener('reset', () => setTimeout(() => showTags(scenarios, tags.value)));

  const headers = form.querySelector('#lt-headers');
  form.querySelector('#lt-add-header').addEventListener('click', () => headers.append(headerRow(headers)));

  const file = form.querySelector('#lt-prompts');
  const info = form.querySelector('#lt-prompts-info');
  file.addEventListener('change', async () => {
    form.prompts = file.files[0] ? await file.files[0].text() : undefined;
    const lines = form.prompts ? form.prompts.split('\n').filter(line => line.trim()).length : 0;
    info.textContent = form.prompts ? `${file.files[0].name}: ${lines} line(s) read` : '';
  });
}

function scenarioRow(name, changed) {
  const row = document.createElement('div');
  row.className = 'scenario';
  row.innerHTML = `<label class="check"><input type="checkbox" data-scenario="${name}"> ${name}</label>
    <label>Weight <input type="number" min="1" value="1" data-weight="${name}" aria-label="Weight of ${name}"></label>`;
  row.addEventListener('input', changed);
  return row;
}

function tagsOf(scenarios) {
  return [...scenarios.querySelectorAll('[data-scenario]')]
    .filter(box => box.checked)
    .map(box => {
      const weight = scenarios.querySelector(`[data-weight="${box.dataset.scenario}"]`).value;
      return weight && weight !== '1' ? `${box.dataset.scenario}:${weight}` : box.dataset.scenario;
    })
    .join(',');
}

function showTags(scenarios, text) {
  const weights = new Map(text.split(',').map(part => part.trim().split(':')).filter(([name]) => name));
  for (const box of scenarios.querySelectorAll('[data-scenario]')) {
    box.checked = weights.has(box.dataset.scenario);
    if (box.checked) {
      scenarios.querySelector(`[data-weight="${box.dataset.scenario}"]`).value = weights.get(box.dataset.scenario) || '1';
    }
  }
}

function headerRow(headers) {
  const index = headers.children.length + 1;
  const row = document.createElement('div');
  row.className = 'header-row';
  row.innerHTML = `<label>Header ${index} name <input data-header-name placeholder="X-TTFT-MS"></label>
    <label>Header ${index} value <input data-header-value placeholder="100"></label>
    <button type="button" aria-label="Remove header ${index}">Remove</button>`;
  row.querySelector('button').addEventListener('click', () => row.remove());
  return row;
}

/** The request body, with numbers as numbers and nothing for the fields left empty. */
export function readForm(form) {
  const value = id => form.querySelector(id).value.trim();
  const number = id => (value(id) === '' ? undefined : Number(value(id)));
  const body = {
    model: value('#lt-model'),
    input_lens: value('#lt-input-lens'),
    output_lens: value('#lt-output-lens'),
    user: number('#lt-user'),
    rate: number('#lt-rate'),
    time_: value('#lt-time'),
    tags: value('#lt-tags'),
    remark: value('#lt-remark'),
    RANDOM_STRING: form.querySelector('#lt-random').checked,
    load: { type: value('#lt-load') },
  };
  optional(body, 'ignore_eos', value('#lt-ignore-eos') === '' ? undefined : value('#lt-ignore-eos') === 'true');
  optional(body, 'host', value('#lt-host') || undefined);
  optional(body, 'embedding_model', value('#lt-embedding-model') || undefined);
  optional(body, 'API_KEY', value('#lt-api-key') || undefined);
  optional(body, 'max_requests', number('#lt-max-requests'));
  const slo = {};
  optional(slo, 'ttft_ms', number('#lt-slo-ttft'));
  optional(slo, 'itl_ms', number('#lt-slo-itl'));
  optional(slo, 'latency_ms', number('#lt-slo-latency'));
  optional(body, 'slo', Object.keys(slo).length ? slo : undefined);
  const headers = {};
  for (const row of form.querySelectorAll('.header-row')) {
    const name = row.querySelector('[data-header-name]').value.trim();
    if (name) {
      headers[name] = row.querySelector('[data-header-value]').value;
    }
  }
  optional(body, 'headers', Object.keys(headers).length ? headers : undefined);
  optional(body, 'prompts', form.prompts);
  return body;
}

function optional(target, key, value) {
  if (value !== undefined) {
    target[key] = value;
  }
}

/** Keeps the fields of a run that started, so that the next visit begins from them. */
export function remember(form) {
  const fields = {};
  for (const input of form.querySelectorAll('input[id], select[id]')) {
    if (!UNREMEMBERED.has(input.id)) {
      fields[input.id] = input.type === 'checkbox' ? input.checked : input.value;
    }
  }
  localStorage.setItem(REMEMBERED, JSON.stringify(fields));
}

function restore(form) {
  let fields;
  try {
    fields = JSON.parse(localStorage.getItem(REMEMBERED) || '{}');
  } catch {
    fields = {};
  }
  for (const [id, value] of Object.entries(fields)) {
    const input = UNREMEMBERED.has(id) ? null : form.querySelector(`#${CSS.escape(id)}`);
    if (input && input.type === 'checkbox') {
      input.checked = value === true;
    } else if (input) {
      input.value = String(value);
    }
  }
}
