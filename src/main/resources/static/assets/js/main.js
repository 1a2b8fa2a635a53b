// Boot: token from #token=..., the token form, 401/403 notices, and the hash router (#/, #/studies/{id},
// #/experiments/{id}).

import {api, setToken, token} from './api.js';
import {dashboard, mark} from './state.js';
import {fill, h} from './dom.js';
import {showNotice} from './notice.js';
import {studiesPage} from './pages/studies.js';
import {studyPage} from './pages/study.js';
import {experimentPage} from './pages/experiment.js';

const main = document.getElementById('main');
const tokenForm = document.getElementById('token-form');
const tokenInput = document.getElementById('token-input');
let current = null; // the page shown: {dispose()}

/** Takes a token=... out of the hash (for links and tests) and keeps it. */
function tokenFromHash() {
  const match = location.hash.match(/[#&?]token=([^&]*)/);
  if (!match) return;
  setToken(decodeURIComponent(match[1]));
  const rest = location.hash.replace(/[&?]?token=[^&]*/, '').replace(/^#&/, '#');
  history.replaceState(null, '', rest === '#' || rest === '' ? '#/' : rest);
}

function showTokenForm(show) {
  tokenForm.hidden = !show;
  if (show) tokenInput.focus();
}

window.addEventListener('hpo:auth', event => {
  const {status} = event.detail;
  if (status === 401) {
    showNotice(token()
      ? 'The service refused this token (401). Enter a valid API token.'
      : 'This service needs an API token (401). Enter one below.', 'error');
    showTokenForm(true);
  } else {
    showNotice("This token's role may not do that (403). Read-only pages still work; actions need role user or admin.", 'error');
  }
});

tokenForm.addEventListener('submit', event => {
  event.preventDefault();
  setToken(tokenInput.value);
  tokenInput.value = '';
  showTokenForm(false);
  showNotice(null);
  learnRole().then(route);
});
document.getElementById('token-button').addEventListener('click', () => showTokenForm(tokenForm.hidden));

/** The caller's role from GET /api/v1/tokens/me when the service has it; null when it cannot tell. */
async function learnRole() {
  dashboard.role = null;
  try {
    const me = await api('/api/v1/tokens/me', {silent: true});
    dashboard.role = me?.role || null;
  } catch (error) {
    dashboard.role = null;
  }
  fill(document.getElementById('who'), dashboard.role ? `role: ${dashboard.role}` : '');
}

function route() {
  current?.dispose?.();
  current = null;
  const path = (location.hash.replace(/^#/, '') || '/').split('?')[0];
  const parts = path.split('/').filter(Boolean);
  dashboard.route = path;
  document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active', parts.length === 0 && a.dataset.nav === 'studies'));
  fill(main, h('p', {class: 'muted'}, 'Loading\u2026'));
  if (parts.length === 0 || parts[0] === 'studies' && parts.length === 1) current = studiesPage(main);
  else if (parts[0] === 'studies') current = studyPage(main, parts[1], parts[2]);
  else if (parts[0] === 'experiments') current = experimentPage(main, parts[1]);
  else fill(main, h('p', {}, 'No such page. ', h('a', {href: '#/'}, 'All studies')));
}

window.addEventListener('hashchange', () => {
  tokenFromHash();
  showNotice(null);
  route();
});

tokenFromHash();
mark('boot');
// the form appears on the first 401 (or from the Token button): a service without authentication asks nothing
learnRole().finally(route);
