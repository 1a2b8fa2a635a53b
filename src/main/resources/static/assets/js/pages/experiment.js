// The experiment page: parameters, status and stop reason, worker, timings, one chart per metric title (a
// line per series), and the process output when the process backend ran it. Live through the study's events.

import {api} from '../api.js';
import {badge, fill, h, num, seconds, when} from '../dom.js';
import {openEventStream} from '../events.js';
import {dashboard, mark} from '../state.js';
import {showNotice} from '../notice.js';
import {canAct, noteDenied, roleNote} from '../study/actions.js';

export function experimentPage(root, experimentId) {
  let disposed = false;
  let stream = null;
  const charts = new Map(); // title -> echarts instance
  const points = new Map(); // title -> Map(series -> Map(iteration -> value))
  let experiment = null;
  let timer = null;
  let studyName = 'study';

  async function start() {
    try {
      experiment = await api(`/api/v1/experiments/${experimentId}`);
    } catch (error) {
      fill(root, h('h1', {}, 'Experiment'), h('p', {}, error.status === 404 ? 'No such experiment.' : error.message),
        h('a', {href: '#/'}, 'All studies'));
      return;
    }
    if (disposed) return;
    for (const s of experiment.scalars || []) add(s.title, s.series, s.iteration, s.value);
    const header = h('div', {id: 'experiment-header'});
    const facts = h('div', {class: 'panel', id: 'experiment-facts'});
    const metrics = h('div', {class: 'panel'}, h('h2', {}, 'Metrics'), h('div', {class: 'charts-grid', id: 'metric-charts'}));
    const output = h('div', {class: 'panel', id: 'output', hidden: true}, h('h2', {}, 'Process output'), h('pre', {class: 'output'}));
    fill(root, header, facts, metrics, output);
    const drawHeader = () => fill(header, h('h1', {},
      h('a', {href: '#/'}, 'Studies'), ' / ', h('a', {href: `#/studies/${experiment.studyId}`, id: 'study-link'}, studyName),
      ` / #${experiment.number} ${experiment.name}`, badge(experiment.status),
      experiment.stopReason ? h('span', {class: 'reason', id: 'stop-reason'}, experiment.stopReason) : null,
      h('span', {style: 'flex:1'}),
      (experiment.status === 'QUEUED' || experiment.status === 'RUNNING')
        ? (canAct() ? h('button', {class: 'danger', id: 'abort-experiment', onclick: abort}, 'Abort') : roleNote()) : null));
    const drawFacts = () => fill(facts, h('div', {class: 'defs'},
      h('div', {}, h('h2', {}, 'Parameters'), h('dl', {class: 'kv', id: 'parameters'},
        Object.entries(experiment.parameters || {}).flatMap(([k, v]) => [h('dt', {}, h('code', {}, k)),
          h('dd', {}, typeof v === 'number' ? num(v) : JSON.stringify(v))]))),
      h('div', {}, h('h2', {}, 'Run'), h('dl', {class: 'kv'},
        [['status', experiment.status], ['stop reason', experiment.stopReason || '\u2014'],
          ['failure', experiment.failureMessage || '\u2014'], ['worker', experiment.workerId || '\u2014'],
          ['queue', experiment.queue || '\u2014'], ['retries', experiment.retries ?? 0],
          ['max iteration', experiment.maxIteration ?? '\u2014'], ['archived', experiment.archived ? 'yes' : 'no']]
          .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
      h('div', {}, h('h2', {}, 'Timings'), h('dl', {class: 'kv'},
        [['created', when(experiment.createdAt)], ['started', when(experiment.startedAt)], ['ended', when(experiment.endedAt)],
          ['waited', experiment.startedAt ? `${num(Math.round(seconds(experiment.createdAt, experiment.startedAt)))} s` : '\u2014'],
          ['ran', experiment.startedAt ? `${num(Math.round(seconds(experiment.startedAt, experiment.endedAt)))} s` : '\u2014'],
          ['lease until', when(experiment.workerLeaseExpiresAt)]]
          .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
      h('div', {}, h('h2', {}, 'Last values'), h('dl', {class: 'kv'},
        (experiment.metrics || []).flatMap(m => [h('dt', {}, `${m.title}/${m.series}`),
          h('dd', {}, `${num(m.lastValue)} @ ${m.lastIteration} (min ${num(m.minValue)}, max ${num(m.maxValue)}, ${m.count} points)`)])))));
    const redraw = () => { drawHeader(); drawFacts(); drawCharts(); };
    redraw();
    mark('experiment-shell');
    api(`/api/v1/studies/${experiment.studyId}`).then(study => {
      studyName = study.name;
      const link = root.querySelector('#study-link');
      if (link && !disposed) link.textContent = studyName;
    }).catch(() => { /* the link still works */ });
    loadOutput(output);

    async function abort(event) {
      event.target.disabled = true;
      try {
        experiment = await api(`/api/v1/experiments/${experimentId}/abort`, {method: 'POST'});
        for (const s of experiment.scalars || []) add(s.title, s.series, s.iteration, s.value);
      } catch (error) {
        if (error.status === 403) noteDenied();
        else showNotice(`Could not abort: ${error.message}`, 'error');
      }
      redraw();
    }

    stream = openEventStream(`/api/v1/studies/${experiment.studyId}/events`, {
      onEvent: (type, data) => {
        if (data?.experimentId !== experimentId) return;
        if (type === 'experiment_reported') add(data.title, data.series, data.iteration, data.value);
        else if (type === 'experiment_started' || type === 'experiment_ended') {
          api(`/api/v1/experiments/${experimentId}`).then(e => {
            experiment = e;
            for (const s of e.scalars || []) add(s.title, s.series, s.iteration, s.value);
            if (!disposed) { redraw(); loadOutput(output); }
          });
          return;
        }
        if (!timer) timer = setTimeout(() => { timer = null; if (!disposed) drawCharts(); }, 300);
      },
      onState: state => { dashboard.stream.state = state; },
    });
  }

  function add(title, series, iteration, value) {
    let byTitle = points.get(title);
    if (!byTitle) points.set(title, byTitle = new Map());
    let bySeries = byTitle.get(series);
    if (!bySeries) byTitle.set(series, bySeries = new Map());
    bySeries.set(iteration, value);
  }

  function drawCharts() {
    const grid = root.querySelector('#metric-charts');
    if (!grid) return;
    if (points.size === 0 && !grid.querySelector('.muted')) fill(grid, h('p', {class: 'muted'}, 'No metrics reported yet.'));
    let total = 0;
    for (const [title, bySeries] of [...points.entries()].sort()) {
      let chart = charts.get(title);
      if (!chart) {
        grid.querySelector('.muted')?.remove();
        const el = h('div', {class: 'chart small', 'data-metric': title});
        grid.append(h('div', {}, h('h2', {}, title), el));
        chart = echarts.init(el);
        charts.set(title, chart);
      }
      const series = [...bySeries.entries()].map(([name, map]) => {
        const data = [...map.entries()].sort((a, b) => a[0] - b[0]);
        total += data.length;
        return {name, type: 'line', data, showSymbol: data.length < 30, symbolSize: 5};
      });
      chart.setOption({animation: false, legend: {top: 0}, tooltip: {trigger: 'axis'},
        grid: {left: 60, right: 20, top: 30, bottom: 40},
        xAxis: {type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 26, scale: true},
        yAxis: {type: 'value', scale: true}, series}, {notMerge: true});
      chart.getDom().dataset.series = String(series.length);
      chart.getDom().dataset.points = String(series.reduce((n, s) => n + s.data.length, 0));
    }
    dashboard.experiment = {id: experimentId, status: experiment?.status, stopReason: experiment?.stopReason,
      metrics: points.size, points: total};
  }

  async function loadOutput(panel) {
    try {
      const text = await api(`/api/v1/experiments/${experimentId}/output`, {accept: 'text/plain'});
      if (disposed || typeof text !== 'string' || text.length === 0) return;
      panel.hidden = false;
      panel.querySelector('pre').textContent = text;
    } catch (ignored) { /* no output for this experiment */ }
  }

  start();
  return {
    dispose() {
      disposed = true;
      stream?.close();
      clearTimeout(timer);
      charts.forEach(c => c.dispose());
    },
  };
}
