// The studies list: status and reason, strategy, progress against the budgets, best value, times; a status
// filter and paging on the server.

import {api} from '../api.js';
import {badge, fill, h, minutes, num, progressBar, when} from '../dom.js';
import {dashboard, mark} from '../state.js';

const STATUSES = ['', 'CREATED', 'RUNNING', 'STOPPING', 'COMPLETED', 'STOPPED', 'FAILED'];
const PAGE_SIZE = 50;

export function studiesPage(root) {
  let page = 0;
  let status = sessionStorage.getItem('hpo.studies.status') || '';
  let disposed = false;
  const body = h('tbody');
  const pager = h('div', {class: 'pager'});
  const filter = h('select', {id: 'status-filter', onchange: () => {
    status = filter.value;
    sessionStorage.setItem('hpo.studies.status', status);
    page = 0;
    load();
  }}, STATUSES.map(s => h('option', {value: s, selected: s === status}, s || 'any status')));

  fill(root,
    h('h1', {}, 'Studies'),
    h('div', {class: 'panel'},
      h('div', {class: 'toolbar'}, h('label', {for: 'status-filter'}, 'Status'), filter, h('span', {class: 'grow'})),
      h('table', {class: 'grid', id: 'studies'},
        h('thead', {}, h('tr', {},
          ['Name', 'Status', 'Strategy', 'Experiments', 'Time budget', 'Compute budget', 'Best', 'Created', 'Started']
            .map(t => h('th', {}, t)))),
        body),
      pager));

  async function load() {
    fill(body, h('tr', {}, h('td', {colspan: 9, class: 'muted'}, 'Loading\u2026')));
    let answer;
    try {
      answer = await api(`/api/v1/studies?page=${page}&size=${PAGE_SIZE}${status ? `&status=${status}` : ''}`);
    } catch (error) {
      fill(body, h('tr', {}, h('td', {colspan: 9}, `Could not load the studies: ${error.message}`)));
      return;
    }
    if (disposed) return;
    dashboard.studies = answer.items.map(s => ({id: s.id, name: s.name, status: s.status}));
    fill(body, answer.items.length === 0
      ? h('tr', {}, h('td', {colspan: 9, class: 'muted'}, status ? `No ${status} studies.` : 'No studies yet.'))
      : answer.items.map(row));
    fill(pager,
      h('button', {disabled: page === 0, onclick: () => { page--; load(); }}, 'Previous'),
      h('span', {class: 'muted'}, `page ${answer.page + 1} of ${Math.max(1, answer.totalPages)} \u00b7 ${answer.totalItems} studies`),
      h('button', {disabled: page + 1 >= answer.totalPages, onclick: () => { page++; load(); }}, 'Next'));
    mark('studies-list');
    answer.items.forEach(fillFromReport);
  }

  function row(study) {
    const started = study.startedAt ? Date.parse(study.startedAt) : null;
    const end = study.endedAt ? Date.parse(study.endedAt) : Date.now();
    const elapsed = started ? (end - started) / 60000 : null;
    const jobs = study.totalMaxJobs ? [progressBar(study.experimentsCreated / study.totalMaxJobs)] : [];
    return h('tr', {'data-study-id': study.id},
      h('td', {}, h('a', {href: `#/studies/${study.id}`, class: 'study-link'}, study.name)),
      h('td', {}, badge(study.status), study.statusReason ? h('div', {class: 'reason'}, study.statusReason) : null),
      h('td', {}, study.strategy?.name || '\u2014', study.earlyStopping ? h('div', {class: 'reason'}, `+ ${study.earlyStopping.rule}`) : null),
      h('td', {class: 'num'}, `${study.experimentsCreated}${study.totalMaxJobs ? ` / ${study.totalMaxJobs}` : ''}`, jobs),
      h('td', {class: 'num'}, budget(elapsed, study.optimizationTimeLimitMinutes)),
      h('td', {class: 'num', 'data-cell': 'compute'}, study.computeTimeLimitMinutes ? `\u2014 / ${minutes(study.computeTimeLimitMinutes)}` : '\u2014'),
      h('td', {class: 'num', 'data-cell': 'best'}, '\u2026'),
      h('td', {class: 'num'}, when(study.createdAt)),
      h('td', {class: 'num'}, when(study.startedAt)));
  }

  function budget(used, limit) {
    if (used === null) return '\u2014';
    if (!limit) return minutes(used);
    return [`${minutes(used)} / ${minutes(limit)}`, progressBar(used / limit)];
  }

  /** The loop's latest report has the compute minutes and the best experiment: one small call per row. */
  async function fillFromReport(study) {
    let report = null;
    try {
      report = await api(`/api/v1/studies/${study.id}/report`);
    } catch (ignored) { /* no report yet */ }
    if (disposed) return;
    const tr = body.querySelector(`tr[data-study-id="${study.id}"]`);
    if (!tr) return;
    const best = report?.best?.objectiveValues;
    fill(tr.querySelector('[data-cell=best]'), best ? best.map(num).join(', ') : '\u2014',
      report?.best ? h('div', {class: 'reason'}, `#${report.best.number}`) : null);
    if (report && typeof report.computeMinutes === 'number') {
      fill(tr.querySelector('[data-cell=compute]'), budget(report.computeMinutes, study.computeTimeLimitMinutes));
    }
  }

  load();
  return {dispose() { disposed = true; }};
}
