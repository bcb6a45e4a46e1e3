// Two runs side by side: each figure of each, and the second's as a ratio of the first's.
import { format, stepName, table } from './results.js';

const FIGURES = [
  ['requests', f => f.requests],
  ['failures', f => Object.values(f.failures || {}).reduce((a, b) => a + b, 0)],
  ['requests/s', f => f.requests_per_s],
  ['output tokens/s', f => f.output_tokens_per_s],
  ['TTFT p50 ms', f => f.ttft_ms?.p50],
  ['TTFT p99 ms', f => f.ttft_ms?.p99],
  ['ITL p50 ms', f => f.itl_ms?.p50],
  ['ITL p99 ms', f => f.itl_ms?.p99],
  ['latency p50 ms', f => f.latency_ms?.p50],
  ['latency p99 ms', f => f.latency_ms?.p99],
  ['goodput share', f => f.goodput?.share],
];

export function ratio(first, second) {
  if (typeof first !== 'number' || typeof second !== 'number' || first === 0) {
    return '–';
  }
  return `${(second / first).toFixed(2)}×`;
}

/** The comparison table of two runs (RUN documents), overall first, then the steps both have. */
export function comparison([a, b]) {
  const parts = [['Overall', a.result?.overall, b.result?.overall]];
  for (const step of a.result?.steps || []) {
    const same = (b.result?.steps || []).find(other => stepName(other) === stepName(step));
    if (same) {
      parts.push([stepName(step), step, same]);
    }
  }
  const rows = [['plan', describe(a), describe(b), '']];
  for (const [part, first, second] of parts.filter(([, x, y]) => x && y)) {
    for (const [name, pick] of FIGURES) {
      rows.push([`${part}: ${name}`, format(pick(first), 2), format(pick(second), 2), ratio(pick(first), pick(second))]);
    }
  }
  return table('Two runs side by side', rows, 'lt-comparison-table', ['Figure', a.id, b.id, 'second / first']);
}

function describe(run) {
  const plan = run.plan || {};
  return `${plan.model ?? ''} ${plan.load?.type ?? ''} users ${plan.user ?? ''} rate ${plan.rate ?? ''} ${plan.time_ ?? ''}`.trim();
}
