// The stored runs, newest first, a page at a time (GET /api/load-tests?limit=&after=). A row's
// button opens its run; two ticked rows are compared side by side.
import { api, showError } from './api.js';
import { comparison } from './compare.js';

const PAGE = 20;

export function runHistory(section, open) {
  const body = section.querySelector('#lt-history tbody');
  const more = section.querySelector('#lt-history-more');
  const compare = section.querySelector('#lt-compare');
  const output = section.querySelector('#lt-comparison');
  let last = null;

  // Oldest first, so that the ratio reads as "the later run against the earlier one".
  const chosen = () => [...body.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value).reverse();

  async function load(after) {
    const query = new URLSearchParams({ limit: PAGE });
    if (after) {
      query.set('after', after);
    }
    const page = await api(`/api/load-tests?${query}`);
    if (!after) {
      body.replaceChildren();
    }
    page.data.forEach(run => body.append(row(run, open, () => { compare.disabled = chosen().length !== 2; })));
    last = page.last_id;
    more.hidden = !page.has_more;
    compare.disabled = chosen().length !== 2;
  }

  const reload = () => load(null).catch(failure => showError(failure.message));
  more.addEventListener('click', () => load(last).catch(failure => showError(failure.message)));
  section.querySelector('#lt-history-refresh').addEventListener('click', reload);
  compare.addEventListener('click', async () => {
    try {
      const runs = await api(`/api/load-tests/compare?ids=${chosen().map(encodeURIComponent).join(',')}`);
      output.replaceChildren(comparison(runs.data));
    } catch (failure) {
      showError(failure.message);
    }
  });
  reload();
  return { reload };
}

function row(run, open, ticked) {
  const plan = run.plan || {};
  const tr = document.createElement('tr');
  tr.dataset.run = run.id;
  const pick = document.createElement('input');
  pick.type = 'checkbox';
  pick.value = run.id;
  pick.setAttribute('aria-label', `Compare ${run.id}`);
  pick.addEventListener('change', ticked);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.textContent = run.id;
  button.setAttribute('aria-label', `Open ${run.id}`);
  button.addEventListener('click', () => open(run.id));
  const cells = [pick, button, run.status, when(run.created_at), plan.model, `${plan.input_lens ?? ''} / ${plan.output_lens ?? ''}`,
    plan.load?.type, plan.remark];
  for (const content of cells) {
    const td = document.createElement('td');
    td.append(content ?? '');
    tr.append(td);
  }
  return tr;
}

const when = seconds => (seconds ? new Date(seconds * 1000).toLocaleString() : '');
