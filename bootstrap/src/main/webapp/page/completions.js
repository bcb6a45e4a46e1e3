// The gateway's completion log: rows filtered and paged newest first (GET /api/completions), one opened
// (GET /api/completions/{id}), and tokens by model and day as a chart (GET /api/usage).
import { api, clearError, showError } from './api.js';
import { chart } from './charts.js';

let section;
let next = null;
let usageChart = null;

export function init(element) {
  section = element;
  section.querySelector('#cl-filter').addEventListener('submit', event => {
    event.preventDefault();
    refresh();
  });
  section.querySelector('#cl-more').addEventListener('click', () => load(true).catch(fail));
  section.querySelector('#cl-refresh').addEventListener('click', refresh);
  window.addEventListener('hashchange', () => shown() && refresh());
  if (shown()) {
    refresh();
  }
}

function shown() {
  return location.hash.slice(1).split('/')[0] === 'completions';
}

function fail(error) {
  showError(error.message);
}

function refresh() {
  clearError();
  load(false).catch(fail);
  usage().catch(fail);
}

function query(after) {
  const params = new URLSearchParams();
  for (const name of ['model', 'route', 'status']) {
    const value = section.querySelector(`#cl-${name}`).value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  for (const name of ['since', 'until']) {
    const value = section.querySelector(`#cl-${name}`).value;
    if (value) {
      params.set(name, new Date(value).toISOString());
    }
  }
  if (after) {
    params.set('after', after);
  }
  return params.toString();
}

async function load(more) {
  const page = await api(`/api/completions?${query(more ? next : null)}`);
  const body = section.querySelector('#cl-table tbody');
  if (!more) {
    body.replaceChildren();
  }
  for (const row of page.data) {
    body.append(tableRow(row));
  }
  next = page.has_more ? page.next : null;
  section.querySelector('#cl-more').hidden = !next;
}

function tableRow(row) {
  const tr = document.createElement('tr');
  tr.dataset.id = row.id;
  tr.tabIndex = 0;
  const cells = [new Date(row.created * 1000).toLocaleString(), row.model, row.route, row.status,
    `${row.prompt_tokens ?? '–'} / ${row.completion_tokens ?? '–'}`, row.latency_ms.toFixed(1), row.stream ? 'yes' : 'no'];
  for (const value of cells) {
    const td = document.createElement('td');
    td.textContent = value;
    tr.append(td);
  }
  const open = () => openOne(row.id).catch(fail);
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', event => event.key === 'Enter' && open());
  return tr;
}

async function openOne(id) {
  const row = await api(`/api/completions/${encodeURIComponent(id)}`);
  const detail = section.querySelector('#cl-detail');
  section.querySelector('#cl-detail-id').textContent = row.id;
  const fields = section.querySelector('#cl-detail-fields');
  fields.replaceChildren();
  for (const [name, value] of Object.entries(row)) {
    const term = document.createElement('dt');
    term.textContent = name;
    const text = document.createElement('dd');
    if (typeof value === 'object' && value !== null) {
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify(value, null, 2);
      text.append(pre);
    } else {
      text.textContent = String(value);
    }
    text.dataset.field = name;
    fields.append(term, text);
  }
  detail.hidden = false;
  detail.scrollIntoView({ block: 'nearest' });
}

/** Total tokens by UTC day (oldest first) and model, summed over routes. */
async function usage() {
  const rows = (await api('/api/usage')).data;
  const days = [...new Set(rows.map(r => r.day))].sort();
  const models = [...new Set(rows.map(r => r.model))].sort();
  const totals = models.map(model => days.map(day => rows.filter(r => r.day === day && r.model === model)
    .reduce((sum, r) => sum + r.total_tokens, 0)));
  // The series are the models, fixed when a chart is made: a new set of models gets a new chart.
  if (usageChart) {
    usageChart.destroy();
  }
  usageChart = chart(section.querySelector('#cl-usage'), 'Tokens by model and day', 'bar', models, 'tokens');
  usageChart.update(days, totals);
}
