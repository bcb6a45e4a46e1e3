// The page's sections, one per capability. A new capability adds a <section data-section> and a
// nav link in index.html and an entry here; the address's #fragment says which section is shown.
import { clearError, download, showError } from './page/api.js';
import * as loadTests from './page/load-tests.js';
import * as batches from './page/batches.js';
import * as completions from './page/completions.js';
import * as playground from './page/playground.js';

const SECTIONS = { 'load-tests': loadTests, completions, batches, emulator: playground };
const FIRST = 'load-tests';

function show() {
  const wanted = location.hash.slice(1).split('/')[0];
  const current = SECTIONS[wanted] ? wanted : FIRST;
  for (const section of document.querySelectorAll('[data-section]')) {
    section.hidden = section.dataset.section !== current;
  }
  for (const link of document.querySelectorAll('[data-section-link]')) {
    if (link.dataset.sectionLink === current) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

document.getElementById('alert-close').addEventListener('click', clearError);
// Export and file links are fetched with the API key rather than followed: a plain link cannot send it.
document.addEventListener('click', event => {
  const link = event.target.closest?.('a[download]');
  if (link && link.origin === location.origin) {
    event.preventDefault();
    download(link.getAttribute('href'), link.download).catch(failure => showError(failure.message));
  }
});
window.addEventListener('hashchange', show);
window.addEventListener('unhandledrejection', event => showError(event.reason?.message || String(event.reason)));
for (const [id, section] of Object.entries(SECTIONS)) {
  section.init(document.querySelector(`[data-section="${id}"]`));
}
show();
