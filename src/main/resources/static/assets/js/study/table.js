// The experiment table: paged, filtered and sorted by the server (a study may have 100,000 experiments), with
// an abort button for queued and running ones.

import {api} from '../api.js';
import {badge, fill, h, num, seconds, when} from '../dom.js';
import {dashboard} from '../state.js';

const PAGE_SIZE = 50;
const STATUSES = ['', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED'];
// what GET /studies/{id}/experiments can sort by (sort=<key>,<asc|desc>; objective:<i> for objective columns)
const SORTABLE = /^(number|status|startedAt|endedAt|duration|workerId|objective\d+)$/;
const SORT_KEYS = {workerId: 'worker'};

export function experimentTable(model, {canAct, onAbort}) {
  const names = model.parameterNames();
  const state = {page: 0, status: '', sort: 'number', order: 'asc'};
  const columns = [
    ['number', '#'], ['status', 'status'],
    ...model.objectives.map((o, k) => [`objective${k}`, `${o.title}/${o.series}`]),
    ...names.map(n => [`param:${n}`, n]),
    ['workerId', 'worker'], ['startedAt', 'started'], ['endedAt', 'ended'], ['duration', 'duration'], ['actions', ''],
  ];
  const head = h('tr');
  const body = h('tbody');
  const pager = h('div', {class: 'pager'});
  const filter = h('select', {id: 'experiment-status', onchange: () => { state.status = filter.value; state.page = 0; load(); }},
    STATUSES.map(s => h('option', {value: s}, s || 'any status')));
  const root = h('div', {class: 'panel', id: 'experiments'},
    h('div', {class: 'toolbar'}, h('h2', {}, 'Experiments'), h('span', {class: 'grow'}),
      h('label', {for: 'experiment-status'}, 'Status'), filter),
    h('div', {style: 'overflow-x:auto'}, h('table', {class: 'grid', id: 'experiment-table'}, h('thead', {}, head), body)),
    pager);
  let loading = null;
  let stale = false;

  function drawHead() {
    fill(head, columns.map(([key, label]) => {
      const sortable = SORTABLE.test(key);
      const sorted = state.sort === key ? `sorted-${state.order}` : '';
      return h('th', {class: `${sortable ? 'sortable' : ''} ${sorted}`, 'data-sort': sortable ? key : null,
        onclick: sortable ? () => sortBy(key) : null}, label);
    }));
  }

  function sortBy(key) {
    state.order = state.sort === key && state.order === 'asc' ? 'desc' : 'asc';
    state.sort = key;
    state.page = 0;
    load();
  }

  function query() {
    const objective = state.sort.match(/^objective(\d+)$/);
    const key = objective ? `objective:${objective[1]}` : SORT_KEYS[state.sort] || state.sort;
    const params = new URLSearchParams({page: state.page, size: PAGE_SIZE, sort: `${key},${state.order}`});
    if (state.status) params.set('status', state.status);
    return `/api/v1/studies/${model.study.id}/experiments?${params}`;
  }

  async function load() {
    drawHead();
    if (loading) { stale = true; return; }
    loading = api(query());
    let answer;
    try {
      answer = await loading;
    } catch (error) {
      fill(body, h('tr', {}, h('td', {colspan: columns.length}, `Could not load experiments: ${error.message}`)));
      return;
    } finally {
      loading = null;
    }
    if (stale) { stale = false; load(); return; }
    dashboard.table = {page: answer.page, totalItems: answer.totalItems, rows: answer.items.length, status: state.status,
      sort: state.sort, order: state.order};
    fill(body, answer.items.length ? answer.items.map(row)
      : h('tr', {}, h('td', {colspan: columns.length, class: 'muted'}, 'No experiments.')));
    fill(pager,
      h('button', {disabled: state.page === 0, onclick: () => { state.page--; load(); }}, 'Previous'),
      h('span', {class: 'muted'}, `page ${answer.page + 1} of ${Math.max(1, answer.totalPages)} \u00b7 ${answer.totalItems} experiments`),
      h('button', {disabled: state.page + 1 >= answer.totalPages, onclick: () => { state.page++; load(); }}, 'Next'));
  }

  function row(e) {
    const active = e.status === 'QUEUED' || e.status === 'RUNNING';
    const pruned = e.status === 'ABORTED' && e.stopReason === 'pruned';
    return h('tr', {'data-experiment-id': e.id, 'data-status': e.status},
      h('td', {class: 'num'}, h('a', {href: `#/experiments/${e.id}`, class: 'experiment-link'}, `#${e.number}`)),
      h('td', {}, badge(e.status, pruned ? 'pruned' : ''), e.stopReason ? h('div', {class: 'reason'}, e.stopReason) : null),
      (e.objectiveValues || []).map(v => h('td', {class: 'num'}, num(v))),
      names.map(n => h('td', {class: 'num'}, formatParam(e.parameters?.[n]))),
      h('td', {}, e.workerId || '\u2014'),
      h('td', {class: 'num'}, when(e.startedAt)),
      h('td', {class: 'num'}, when(e.endedAt)),
      h('td', {class: 'num'}, e.startedAt ? `${num(Math.round(seconds(e.startedAt, e.endedAt)))} s` : '\u2014'),
      h('td', {}, active && canAct() ? h('button', {class: 'danger abort', type: 'button',
        onclick: async event => { event.target.disabled = true; await onAbort(e); load(); }}, 'Abort') : null));
  }

  return {root, load, refresh() { if (!loading) load(); }};
}

function formatParam(v) {
  if (v === undefined || v === null) return '\u2014';
  return typeof v === 'number' ? num(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
