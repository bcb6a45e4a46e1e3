// The "Load tests" section: start a run from the form, follow it live (GET .../events, Server-Sent
// Events), show its results, cancel it, export it, and browse and compare the stored runs.
import { api, clearError, followEvents, showError } from './api.js';
import { liveCharts } from './charts.js';
import { runHistory } from './history.js';
import { initForm, readForm, remember } from './load-form.js';
import { showResult } from './results.js';

const ACTIVE = new Set(['queued', 'running']);

export function init(section) {
  const form = section.querySelector('#lt-form');
  const card = section.querySelector('#lt-run');
  const view = runView(card);
  const runs = runHistory(section, id => open(id));
  let shown = null;

  initForm(form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError();
    const start = form.querySelector('#lt-start');
    start.disabled = true;
    try {
      const run = await api('/api/load-tests', { json: readForm(form) });
      remember(form);
      follow(run);
      runs.reload();
    } catch (failure) {
      showError(`The run was not started: ${failure.message}`);
    } finally {
      start.disabled = false;
    }
  });
  card.querySelector('#lt-cancel').addEventListener('click', async () => {
    try {
      view.show(await api(`/api/load-tests/${encodeURIComponent(shown.id)}/cancel`, { method: 'POST' }));
    } catch (failure) {
      showError(`The run was not cancelled: ${failure.message}`);
    }
  });

  async function open(id) {
    clearError();
    try {
      follow(await api(`/api/load-tests/${encodeURIComponent(id)}`));
      card.scrollIntoView({ block: 'start' });
    } catch (failure) {
      showError(failure.message);
    }
  }

  // #load-tests/<id> names a run: the address can be kept or shared, and opens it again.
  const openNamed = () => {
    const named = location.hash.match(/^#load-tests\/(.+)$/);
    if (named && decodeURIComponent(named[1]) !== shown?.id) {
      open(decodeURIComponent(named[1]));
    }
  };
  window.addEventListener('hashchange', openNamed);
  openNamed();

  function follow(run) {
    window.history.replaceState(null, '', `#load-tests/${encodeURIComponent(run.id)}`);
    shown?.stop();
    shown = { id: run.id, stop() {} };
    view.reset(run);
    view.show(run);
    if (ACTIVE.has(run.status)) {
      shown.stop = watch(run.id, view, runs);
    }
  }
}

/** Follows a run's events until its "done"; returns what stops following it. */
function watch(id, view, runs) {
  let done = false;
  const path = `/api/load-tests/${encodeURIComponent(id)}`;
  return followEvents(`${path}/events`, (name, data) => {
    if (name === 'snapshot') {
      view.show(JSON.parse(data));
    } else if (name === 'done') {
      done = true;
      const run = JSON.parse(data);
      view.show(run);
      if (run.status === 'failed') {
        showError(`The run failed: ${run.error}`);
      }
      runs.reload();
    }
  }, () => {
    // A stream that ended or broke before "done" (a restart, a refusal): show the run as it is now.
    if (!done) {
      api(path).then(run => view.show(run), failure => showError(failure.message));
    }
  });
}

/** The run card: title, status, progress, live charts while it runs, results at the end. */
function runView(card) {
  const progress = card.querySelector('#lt-progress');
  const live = card.querySelector('#lt-live');
  const results = card.querySelector('#lt-results');
  let charts = null;
  let drawn = null;

  return {
    reset(run) {
      card.hidden = false;
      card.querySelector('#lt-run-title').textContent = `Run ${run.id}`;
      const base = `/api/load-tests/${encodeURIComponent(run.id)}/export?format=`;
      card.querySelector('#lt-export-csv').href = `${base}csv`;
      card.querySelector('#lt-export-json').href = `${base}json`;
      charts?.destroy();
      charts = null;
      drawn?.destroy();
      drawn = null;
      results.replaceChildren();
    },
    show(run) {
      const result = run.result;
      const status = card.querySelector('#lt-status');
      status.textContent = run.status + (run.error ? `: ${run.error}` : '');
      status.dataset.status = run.status;
      card.querySelector('#lt-cancel').hidden = !ACTIVE.has(run.status);
      // A queued run has measured nothing yet, so there is nothing to export.
      card.querySelectorAll('[download]').forEach(link => { link.hidden = run.status === 'queued'; });
      const fraction = ACTIVE.has(run.status) ? result?.progress?.fraction ?? 0 : run.status === 'completed' ? 1 : result?.progress?.fraction ?? 0;
      progress.value = fraction;
      card.querySelector('#lt-progress-text').textContent = `${Math.round(fraction * 100)} %`;
      const warning = card.querySelector('#lt-warning');
      warning.hidden = !result?.generator?.warning;
      warning.textContent = result?.generator?.warning ? `Load generator: ${result.generator.warning}` : '';
      if (result?.series?.length) {
        charts ??= liveCharts(live);
        charts.update(result.series);
      }
      if (!ACTIVE.has(run.status)) {
        drawn?.destroy();
        drawn = showResult(results, result);
      }
    },
  };
}
