// The study page: header with status and actions, live counters, definition, plots and the experiment table.
// Experiments are loaded once from the paged list, then kept current by the event stream (no polling).

import {allPages, api, download} from '../api.js';
import {badge, fill, h} from '../dom.js';
import {openEventStream} from '../events.js';
import {dashboard, mark} from '../state.js';
import {showNotice} from '../notice.js';
import {StudyModel} from '../study/model.js';
import {countersPanel} from '../study/counters.js';
import {definitionPanel} from '../study/definition.js';
import {plotPanel} from '../study/plots.js';
import {experimentTable} from '../study/table.js';
import {canAct, noteDenied, roleNote} from '../study/actions.js';

export function studyPage(root, studyId, tab) {
  let disposed = false;
  let stream = null;
  let plots = null;
  let table = null;
  const pending = [];   // events that arrive while the experiments load
  let model = null;
  let loaded = false;
  const cleanups = [];

  const streamLabel = h('span', {class: 'stream connecting', id: 'stream-state'}, 'connecting');
  dashboard.stream = {state: 'connecting', lastEventId: null, received: 0, byType: {}};

  async function start() {
    let study;
    try {
      study = await api(`/api/v1/studies/${studyId}`);
    } catch (error) {
      fill(root, h('h1', {}, 'Study'), h('p', {}, error.status === 404 ? 'No such study.' : `Could not load the study: ${error.message}`),
        h('a', {href: '#/'}, 'All studies'));
      return;
    }
    if (disposed) return;
    model = new StudyModel(study);
    dashboard.study = {id: study.id, name: study.name, status: study.status, experiments: 0, loaded: false};
    const header = h('div', {id: 'study-header'});
    const counters = countersPanel();
    plots = plotPanel(model, tab);
    table = experimentTable(model, {canAct, onAbort: abort});
    fill(root, header, h('div', {class: 'panel'}, counters.root), plots.root, table.root, definitionPanel(study));
    mark('study-shell');

    const drawHeader = () => fill(header, h('h1', {},
      h('a', {href: '#/'}, 'Studies'), ' / ', h('span', {id: 'study-name'}, model.study.name),
      badge(model.study.status), model.study.statusReason ? h('span', {class: 'reason', id: 'study-reason'}, model.study.statusReason) : null,
      h('span', {class: 'grow', style: 'flex:1'}), streamLabel, exports(), actions()));
    drawHeader();
    counters.update(model);

    let tableTimer = null;
    let countersTimer = null;
    cleanups.push(() => { clearTimeout(tableTimer); clearTimeout(countersTimer); });
    model.onChange(kind => {
      dashboard.study.status = model.study.status;
      dashboard.study.experiments = model.experiments().length;
      if (kind === 'study') drawHeader();
      if (!countersTimer) countersTimer = setTimeout(() => { countersTimer = null; counters.update(model); }, 250);
      plots.changed(kind);
      if (kind !== 'reported' && !tableTimer) tableTimer = setTimeout(() => { tableTimer = null; table.refresh(); }, 1500);
    });
    const readOnly = () => { drawHeader(); table.refresh(); };
    window.addEventListener('hpo:read-only', readOnly);
    cleanups.push(() => window.removeEventListener('hpo:read-only', readOnly));
    const ticker = setInterval(() => counters.update(model), 5000);
    cleanups.push(() => clearInterval(ticker));

    let opened;
    const streamOpen = new Promise(resolve => { opened = resolve; setTimeout(resolve, 3000); });
    stream = openEventStream(`/api/v1/studies/${studyId}/events`, {
      onEvent: (type, data, id) => {
        const s = dashboard.stream;
        s.received++;
        s.lastEventId = id;
        s.byType[type] = (s.byType[type] || 0) + 1;
        if (loaded) handle(type, data); else pending.push([type, data]);
      },
      onState: state => {
        if (state === 'open') opened();
        dashboard.stream.state = state;
        streamLabel.className = `stream ${state}`;
        streamLabel.textContent = state === 'open' ? 'live' : state;
      },
    });

    // the stream starts with the next event: wait (a little) until it is open, so nothing falls between the
    // experiments read below and the first event
    await streamOpen;
    try {
      await allPages(`/api/v1/studies/${studyId}/experiments`, {size: 500, onPage: items => {
        for (const item of items) model.upsert(item);
      }});
    } catch (error) {
      dashboard.errors.push(String(error));
    }
    if (disposed) return;
    mark('data-loaded');
    loaded = true;
    dashboard.study.loaded = true;
    for (const [type, data] of pending.splice(0)) handle(type, data, true);
    dashboard.study.experiments = model.experiments().length;
    counters.update(model);
    plots.draw();
    table.load();

    function exports() {
      const get = format => download(`/api/v1/studies/${studyId}/export?format=${format}`,
        `${model.study.name}-experiments.${format}`, format === 'csv' ? 'text/csv' : 'application/json')
        .catch(error => showNotice(`Could not export: ${error.message}`, 'error'));
      return h('span', {id: 'study-export'},
        h('button', {type: 'button', onclick: () => get('csv')}, 'CSV'), ' ',
        h('button', {type: 'button', onclick: () => get('json')}, 'JSON'));
    }

    function actions() {
      if (!canAct()) return roleNote();
      const status = model.study.status;
      return h('span', {id: 'study-actions'},
        status === 'CREATED' ? h('button', {class: 'primary', id: 'start-study', onclick: () => act('start')}, 'Start') : null,
        status === 'RUNNING' ? h('button', {class: 'danger', id: 'stop-study', onclick: () => act('stop')}, 'Stop') : null);
    }

    async function act(what) {
      try {
        const answer = await api(`/api/v1/studies/${studyId}/${what}`, {method: 'POST', body: {}});
        Object.assign(model.study, answer);
        model.changed('study');
      } catch (error) {
        if (error.status === 403) noteDenied();
        else showNotice(`Could not ${what} the study: ${error.message}`, 'error');
        drawHeader();
      }
    }
  }

  const details = new Set();
  /** Applies an event; fetches an experiment's parameters when the event did not carry them. */
  function handle(type, data, quiet = false) {
    const change = model.apply(type, data);
    if (!change) return;
    if (change.needsDetails && change.row && !details.has(change.row.id)) {
      details.add(change.row.id);
      // a title no metric has: the answer carries the experiment without its scalar points
      api(`/api/v1/experiments/${change.row.id}?title=-&series=-`).then(e => {
        model.upsert({id: e.id, number: e.number, parameters: e.parameters, workerId: e.workerId,
          startedAt: e.startedAt, createdAt: e.createdAt});
        model.changed('experiments');
      }).catch(() => details.delete(change.row.id));
    }
    if (!quiet) model.changed(change.kind);
  }

  async function abort(experiment) {
    try {
      await api(`/api/v1/experiments/${experiment.id}/abort`, {method: 'POST'});
    } catch (error) {
      if (error.status === 403) noteDenied();
      else showNotice(`Could not abort #${experiment.number}: ${error.message}`, 'error');
    }
  }

  start();
  return {
    dispose() {
      disposed = true;
      stream?.close();
      plots?.dispose();
      cleanups.forEach(c => c());
    },
  };
}
