// Chart.js (window.Chart, from its WebJar) behind the few chart kinds the page draws.

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2'];

/** A titled chart in its own box under `parent`; `update(labels, series)` redraws it. */
export function chart(parent, title, kind, seriesNames, yTitle) {
  const box = document.createElement('figure');
  box.className = 'chart';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title);
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  // Chart.js sizes a responsive chart to its parent, which must hold nothing else.
  const frame = document.createElement('div');
  frame.className = 'frame';
  frame.append(canvas);
  box.append(caption, frame);
  parent.append(box);
  const drawn = new window.Chart(canvas, {
    type: kind,
    data: {
      labels: [],
      datasets: seriesNames.map((label, i) => ({
        label, data: [], borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length],
        pointRadius: kind === 'line' ? 0 : undefined, tension: 0.2, spanGaps: true,
      })),
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, title: { display: Boolean(yTitle), text: yTitle } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return {
    element: box,
    update(labels, series) {
      drawn.data.labels = labels;
      series.forEach((values, i) => { drawn.data.datasets[i].data = values; });
      drawn.update();
    },
    destroy() {
      drawn.destroy();
      box.remove();
    },
  };
}

/** The live charts of a run: one point per second of its `series`. */
export function liveCharts(parent) {
  const charts = [
    [chart(parent, 'Requests per second', 'line', ['requests/s'], 'requests/s'), p => [p.requests_per_s]],
    [chart(parent, 'Output tokens per second', 'line', ['output tokens/s'], 'tokens/s'), p => [p.output_tokens_per_s]],
    [chart(parent, 'Time to first token', 'line', ['p50', 'p99'], 'ms'), p => [p.ttft_p50_ms, p.ttft_p99_ms]],
    [chart(parent, 'Errors per second', 'bar', ['errors'], 'errors'), p => [p.errors]],
  ];
  return {
    update(series) {
      const labels = series.map(point => `${point.second} s`);
      for (const [drawn, pick] of charts) {
        const values = series.map(pick);
        drawn.update(labels, values[0] ? values[0].map((_, i) => values.map(row => row[i])) : []);
      }
    },
    destroy() {
      charts.forEach(([drawn]) => drawn.destroy());
    },
  };
}
