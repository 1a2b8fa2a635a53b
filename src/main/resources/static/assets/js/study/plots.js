// The study page's plot area: tabs, their controls, one ECharts instance, redraws throttled to the cost of
// the last draw so that a study of 20,000 experiments stays responsive while events arrive.

import {api} from '../api.js';
import {fill, h} from '../dom.js';
import {dashboard, mark} from '../state.js';
import {message, publish} from '../plots/common.js';
import {historyOption} from '../plots/history.js';
import {parallelOption} from '../plots/parallel.js';
import {importanceOption} from '../plots/importance.js';
import {sliceOption} from '../plots/slice.js';
import {contourOption} from '../plots/contour.js';
import {paretoOption} from '../plots/pareto.js';
import {intermediateOption} from '../plots/intermediate.js';
import {curveLoader} from './curves.js';

const TABS = [
  ['history', 'Optimization history'], ['parallel', 'Parallel coordinates'], ['importance', 'Importance'],
  ['slice', 'Slice'], ['contour', 'Contour'], ['pareto', 'Pareto front'], ['intermediate', 'Intermediate values'],
];

/** initialTab: from the address (#/studies/{id}/{tab}); tab changes replace the address without a reload. */
export function plotPanel(model, initialTab) {
  const names = model.parameterNames();
  const tabs = TABS.filter(([key]) => key !== 'pareto' || model.objectives.length >= 2);
  const state = {tab: tabs.some(([key]) => key === initialTab) ? initialTab : 'history', objective: 0,
    slice: names[0], x: names[0], y: names[1] || names[0]};
  const chartEl = h('div', {class: 'chart', id: 'plot'});
  const controls = h('div', {class: 'toolbar', id: 'plot-controls'});
  const tabBar = h('div', {class: 'tabs', role: 'tablist'}, tabs.map(([key, label]) =>
    h('button', {type: 'button', 'data-tab': key, class: key === state.tab ? 'active' : '', onclick: () => select(key)}, label)));
  const root = h('div', {class: 'panel', id: 'plots'}, tabBar, controls, chartEl);
  const curves = curveLoader(model, () => schedule());
  let chart = null;
  let timer = null;
  let lastDraw = 0;
  let lastCost = 0;
  let importance = {answer: null, error: null, fetchedAt: 0, loading: false};
  let first = true;

  function select(key) {
    state.tab = key;
    history.replaceState(null, '', `#/studies/${model.study.id}/${key}`);
    tabBar.querySelectorAll('button').forEach(b => b.classList.toggle('active', b.dataset.tab === key));
    drawControls();
    draw();
  }

  function pick(label, key, options) {
    const select = h('select', {'data-control': key, onchange: () => { state[key] = select.value; draw(); }},
      options.map(([value, text]) => h('option', {value, selected: String(state[key]) === String(value)}, text)));
    return h('label', {}, `${label} `, select);
  }

  function drawControls() {
    const objectiveChoice = model.objectives.length > 1 && state.tab !== 'pareto' && state.tab !== 'importance'
      ? pick('objective', 'objective', model.objectives.map((o, k) => [k, `${o.title}/${o.series}`])) : null;
    const params = names.map(n => [n, n]);
    fill(controls, objectiveChoice,
      state.tab === 'slice' ? pick('parameter', 'slice', params) : null,
      state.tab === 'contour' ? [pick('x', 'x', params), pick('y', 'y', params)] : null,
      state.tab === 'intermediate' ? h('span', {class: 'muted'}, `the latest ${curves.limit} experiments`) : null,
      h('span', {class: 'grow'}),
      h('span', {class: 'muted', id: 'plot-note'}));
  }

  function ensureChart() {
    if (!chart) {
      chart = echarts.init(chartEl, null, {renderer: 'canvas'});
      window.addEventListener('resize', resize);
    }
    return chart;
  }

  function resize() {
    chart?.resize();
  }

  function optionFor(tab) {
    const objective = Number(state.objective);
    switch (tab) {
      case 'history': return historyOption(model, {objective});
      case 'parallel': return parallelOption(model, {objective});
      case 'slice': return sliceOption(model, {objective, parameter: state.slice});
      case 'contour': return names.length < 2
        ? {option: message('A contour needs two parameters.'), stats: {cells: 0, points: 0}}
        : contourOption(model, {objective, x: state.x, y: state.y});
      case 'pareto': return paretoOption(model);
      case 'intermediate': {
        const drawn = intermediateOption(model, {objective, experiments: curves.shown()});
        drawn.stats.loading = curves.pending();
        return drawn;
      }
      case 'importance': return importanceDraw();
      default: return {option: message('?'), stats: {}};
    }
  }

  function importanceDraw() {
    refreshImportance();
    if (importance.answer && (importance.answer.importances || []).length === 0) {
      return {option: message(`Importance needs more completed experiments (${importance.answer.completedExperiments ?? 0} so far).`),
        stats: {bars: 0, completed: importance.answer.completedExperiments ?? 0}};
    }
    if (importance.answer) return importanceOption(importance.answer);
    return {option: message(importance.error || 'Computing importance\u2026'), stats: {bars: 0, error: importance.error || ''}};
  }

  async function refreshImportance(force = false) {
    if (importance.loading || (!force && importance.answer && Date.now() - importance.fetchedAt < 5000)) return;
    importance.loading = true;
    try {
      const objective = Number(state.objective);
      importance.answer = await api(`/api/v1/studies/${model.study.id}/importance${objective ? `?objective=${objective}` : ''}`);
      importance.error = null;
    } catch (error) {
      importance.error = error.status === 404 ? 'This service has no importance endpoint yet.'
        : `Importance is not available: ${error.message}`;
    } finally {
      importance.loading = false;
      importance.fetchedAt = Date.now();
      if (state.tab === 'importance') schedule();
    }
  }

  function draw() {
    clearTimeout(timer);
    timer = null;
    const started = performance.now();
    if (state.tab === 'intermediate') curves.ensure(Number(state.objective));
    let {option, stats} = optionFor(state.tab);
    if (!option) option = message('No ended experiment with a value yet.');
    const c = ensureChart();
    const tab = state.tab;
    if (first) {
      c.on('finished', () => {
        if (!dashboard.timings['plot-rendered']) mark('plot-rendered');
      });
    }
    c.setOption(option, {notMerge: true});
    publish(chartEl, dashboard, tab, stats);
    lastDraw = performance.now();
    lastCost = lastDraw - started;
    if (first) {
      mark('plot-drawn');
      first = false;
    }
    const note = root.querySelector('#plot-note');
    if (note) note.textContent = `drawn in ${Math.round(lastCost)} ms`;
  }

  /** Redraws soon: at most every max(250 ms, 4x the last draw's cost). */
  function schedule() {
    if (timer) return;
    const gap = Math.max(250, lastCost * 4);
    const wait = Math.max(0, lastDraw + gap - performance.now());
    timer = setTimeout(draw, wait);
  }

  drawControls();
  return {
    root,
    draw,
    /** The model changed: kind 'ended', 'reported', 'experiments', 'study'. */
    changed(kind) {
      if (kind === 'ended' && state.tab === 'importance') refreshImportance(true);
      if (kind === 'reported' && state.tab !== 'intermediate') return;
      schedule();
    },
    dispose() {
      clearTimeout(timer);
      window.removeEventListener('resize', resize);
      chart?.dispose();
      curves.dispose();
    },
  };
}
