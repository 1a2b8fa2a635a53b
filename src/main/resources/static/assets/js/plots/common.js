// Shared pieces of the plots: colours, which experiments a plot shows, axes for parameters.

import {isEnded, isPruned} from '../study/model.js';

export const COLORS = {
  completed: '#2f6fdb', pruned: '#8a63d2', aborted: '#d98a00', failed: '#cc3344', running: '#13a3a3',
  best: '#2e8b57', muted: '#b8c0cc',
};

/** Ended experiments that have a value for objective k, in number order. */
export function valued(model, k = 0) {
  return model.experiments().filter(row => isEnded(row) && isFinite(row.objectiveValues?.[k]) && row.objectiveValues[k] !== null);
}

/** The colour group of an experiment. */
export function groupOf(row) {
  if (row.status === 'COMPLETED') return 'completed';
  if (isPruned(row)) return 'pruned';
  if (row.status === 'FAILED') return 'failed';
  if (row.status === 'ABORTED') return 'aborted';
  return 'running';
}

/** A parameter's value for plotting: numbers stay numbers, everything else becomes its string. */
export function paramValue(row, name) {
  const v = row.parameters?.[name];
  if (v === undefined || v === null) return null;
  return typeof v === 'number' ? v : (typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/** How to draw a parameter on an axis: category (strings, booleans), log (log_uniform) or value. */
export function axisOf(model, name, rows) {
  const spec = model.parameterSpec(name);
  const values = rows.map(r => paramValue(r, name)).filter(v => v !== null);
  const numeric = values.length > 0 && values.every(v => typeof v === 'number');
  if (!numeric) {
    const categories = spec?.values ? spec.values.map(v => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
      : [...new Set(values.map(String))].sort();
    return {type: 'category', data: categories};
  }
  if (spec?.type === 'log_uniform' && values.every(v => v > 0)) return {type: 'log'};
  return {type: 'value', scale: true};
}

export function objectiveLabel(model, k = 0) {
  const o = model.objectives[k];
  return o ? `${o.title}/${o.series} (${o.sign})` : 'objective';
}

/** Sets the plot's state where tests read it: data-* attributes on the element and window.hpoDashboard.plots. */
export function publish(el, dashboard, name, stats) {
  el.dataset.plot = name;
  for (const key of Object.keys(el.dataset)) if (key !== 'plot') delete el.dataset[key];
  for (const [key, value] of Object.entries(stats)) el.dataset[key] = String(value);
  dashboard.plot = name;
  dashboard.plots[name] = {...stats, renderedAt: Math.round(performance.now())};
}

export function message(text) {
  return {title: {text, left: 'center', top: 'middle', textStyle: {color: '#6b7280', fontSize: 14, fontWeight: 'normal'}}};
}
