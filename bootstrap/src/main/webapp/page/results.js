// A run's result document shown as tables and charts: one row per step and the overall figures,
// the percentiles and the throughput of every step.
import { chart } from './charts.js';

export const format = (value, digits = 1) =>
  value === null || value === undefined ? '–' : Number.isInteger(value) ? String(value) : Number(value).toFixed(digits);

export const failures = figures =>
  Object.entries(figures.failures || {}).map(([kind, count]) => `${kind}: ${count}`).join(', ') || '0';

const COLUMNS = [
  ['Requests', f => format(f.requests)],
  ['Successes', f => format(f.successes)],
  ['Failures', failures],
  ['Requests/s', f => format(f.requests_per_s, 2)],
  ['Output tokens/s', f => format(f.output_tokens_per_s)],
  ['TTFT p50 ms', f => format(f.ttft_ms?.p50)],
  ['TTFT p99 ms', f => format(f.ttft_ms?.p99)],
  ['ITL p50 ms', f => format(f.itl_ms?.p50)],
  ['ITL p99 ms', f => format(f.itl_ms?.p99)],
  ['Latency p50 ms', f => format(f.latency_ms?.p50)],
  ['Latency p99 ms', f => format(f.latency_ms?.p99)],
  ['Output tokens (mean)', f => format(f.output_tokens?.mean)],
  ['Goodput', f => (f.goodput ? `${format(f.goodput.share * 100)} %` : '–')],
];

export const stepName = step => `${step.input_len} in / ${step.output_len} out`;

/** Fills `parent` with the result's tables and charts; returns what must be destroyed before the next. */
export function showResult(parent, result) {
  parent.replaceChildren();
  if (!result) {
    return { destroy() {} };
  }
  const steps = result.steps || [];
  parent.append(table('Results per step', [
    ...steps.map(step => [stepName(step), ...COLUMNS.map(([, cell]) => cell(step))]),
    ...(result.overall ? [['Overall', ...COLUMNS.map(([, cell]) => cell(result.overall))]] : []),
  ], 'lt-steps'));
  const flagged = steps.filter(step => step.output_length_ignored).map(stepName);
  if (flagged.length) {
    parent.append(note(`The target ignored the requested output length in: ${flagged.join('; ')}.`));
  }
  for (const step of steps.filter(s => s.sweep)) {
    parent.append(sweepTable(step));
  }
  const charts = document.createElement('div');
  charts.className = 'charts';
  parent.append(charts);
  const labels = steps.map(stepName);
  const drawn = [['ttft_ms', 'Time to first token'], ['itl_ms', 'Inter-token latency'], ['latency_ms', 'Latency']].map(([key, name]) => {
    const c = chart(charts, `${name} per step`, 'bar', ['p50', 'p90', 'p99'], 'ms');
    c.update(labels, ['p50', 'p90', 'p99'].map(p => steps.map(step => step[key]?.[p] ?? null)));
    return c;
  });
  const throughput = chart(charts, 'Throughput per step', 'bar', ['requests/s', 'output tokens/s'], 'per second');
  throughput.update(labels, [steps.map(s => s.requests_per_s), steps.map(s => s.output_tokens_per_s)]);
  drawn.push(throughput);
  return { destroy: () => drawn.forEach(c => c.destroy()) };
}

function sweepTable(step) {
  const rows = step.sweep.results.map(r => [r.type + (r.rate === null || r.rate === undefined ? '' : ` ${format(r.rate)}/s`),
    ...COLUMNS.map(([, cell]) => cell(r))]);
  const best = step.sweep.best_rate === null ? 'none' : `${format(step.sweep.best_rate)} requests/s`;
  return table(`Sweep of ${stepName(step)} (best rate: ${best})`, rows);
}

export function table(caption, rows, id, header = ['Step', ...COLUMNS.map(([name]) => name)]) {
  const wrap = document.createElement('div');
  wrap.className = 'scroll';
  const t = document.createElement('table');
  if (id) {
    t.id = id;
  }
  t.createCaption().textContent = caption;
  const head = t.createTHead().insertRow();
  for (const name of header) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = t.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    cells.forEach((text, i) => {
      const cell = i === 0 ? document.createElement('th') : document.createElement('td');
      if (i === 0) {
        cell.scope = 'row';
      }
      cell.textContent = text;
      row.append(cell);
    });
  }
  wrap.append(t);
  return wrap;
}

function note(text) {
  const p = document.createElement('p');
  p.className = 'warning';
  p.textContent = text;
  return p;
}
