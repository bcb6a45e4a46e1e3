// The batch server: upload a JSONL file (POST /v1/files, purpose batch), create a batch of it (POST /v1/batches),
// watch its request counts move (GET /v1/batches/{id} each second until it ends), download its output and error
// files (GET /v1/files/{id}/content), and read its event log (GET /api/batches/{id}/events).
import { api, clearError, showError } from './api.js';

const ENDED = new Set(['completed', 'failed', 'expired', 'cancelled']);
const POLL_MS = 1000;

export function init(section) {
  const $ = selector => section.querySelector(selector);
  let shown = null;
  let timer = null;

  async function create(event) {
    event.preventDefault();
    clearError();
    const file = $('#bt-file').files[0];
    if (!file) {
      showError('Choose a JSONL file of requests first.');
      return;
    }
    const form = new FormData();
    form.append('purpose', 'batch');
    form.append('file', file, file.name);
    try {
      const uploaded = await api('/v1/files', { method: 'POST', body: form });
      const request = { input_file_id: uploaded.id };
      const window = $('#bt-window').value.trim();
      if (window) {
        request.completion_window = window;
      }
      const model = $('#bt-model').value.trim();
      if (model) {
        request.metadata = { model };
      }
      open((await api('/v1/batches', { json: request })).id);
      refreshList();
    } catch (failure) {
      showError(failure.message);
    }
  }

  function open(id) {
    shown = id;
    $('#bt-batch').hidden = false;
    clearTimeout(timer);
    poll();
  }

  async function poll() {
    const id = shown;
    try {
      const [batch, events] = await Promise.all([api(`/v1/batches/${encodeURIComponent(id)}`),
        api(`/api/batches/${encodeURIComponent(id)}/events`)]);
      if (id !== shown) {
        return;
      }
      render(batch, events.data);
      if (!ENDED.has(batch.status)) {
        timer = setTimeout(poll, POLL_MS);
      } else {
        refreshList();
      }
    } catch (failure) {
      showError(failure.message);
    }
  }

  function render(batch, events) {
    const counts = batch.request_counts;
    $('#bt-title').textContent = batch.id;
    $('#bt-status').textContent = batch.status;
    $('#bt-status').dataset.status = batch.status;
    $('#bt-counts').textContent = `${counts.completed + counts.failed} of ${counts.total} (${counts.failed} failed)`;
    $('#bt-progress').value = counts.total ? (counts.completed + counts.failed) / counts.total : 0;
    $('#bt-cancel').disabled = !['validating', 'in_progress'].includes(batch.status);
    link($('#bt-output'), batch.output_file_id, `${batch.id}_output.jsonl`);
    link($('#bt-errors'), batch.error_file_id, `${batch.id}_error.jsonl`);
    $('#bt-events tbody').replaceChildren(...events.map(event => cells([event.seq, event.at, event.status,
      event.request_counts.total, event.request_counts.completed, event.request_counts.failed])));
    $('#bt-problems').replaceChildren(...(batch.errors?.data || []).map(error => {
      const item = document.createElement('li');
      item.textContent = `${error.line ? `line ${error.line}: ` : ''}${error.code}: ${error.message}`;
      return item;
    }));
  }

  async function refreshList() {
    try {
      const page = await api('/v1/batches?limit=20');
      $('#bt-list tbody').replaceChildren(...page.data.map(batch => {
        const row = cells([null, batch.status, new Date(batch.created_at * 1000).toLocaleString(), batch.model || '',
          `${batch.request_counts.completed} / ${batch.request_counts.failed} / ${batch.request_counts.total}`]);
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link';
        button.textContent = batch.id;
        button.addEventListener('click', () => open(batch.id));
        row.firstChild.append(button);
        return row;
      }));
    } catch (failure) {
      showError(failure.message);
    }
  }

  $('#bt-form').addEventListener('submit', create);
  $('#bt-refresh').addEventListener('click', refreshList);
  $('#bt-cancel').addEventListener('click', async () => {
    try {
      await api(`/v1/batches/${encodeURIComponent(shown)}/cancel`, { method: 'POST' });
      clearTimeout(timer);
      poll();
    } catch (failure) {
      showError(failure.message);
    }
  });
  refreshList();
}

function link(anchor, fileId, name) {
  anchor.hidden = !fileId;
  if (fileId) {
    anchor.href = `/v1/files/${encodeURIComponent(fileId)}/content`;
    anchor.download = name;
  }
}

function cells(values) {
  const row = document.createElement('tr');
  for (const value of values) {
    const cell = document.createElement('td');
    cell.textContent = value === null ? '' : String(value);
    row.append(cell);
  }
  return row;
}
