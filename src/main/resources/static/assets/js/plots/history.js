// Optimization history: every ended experiment's objective value by experiment number, best so far as a
// step line; pruned, aborted and failed experiments in their own colours and symbols.

import {COLORS, groupOf, objectiveLabel, valued} from './common.js';
import {minimizes} from '../study/model.js';

export function historyOption(model, {objective = 0} = {}) {
  const rows = valued(model, objective);
  const groups = {completed: [], pruned: [], aborted: [], failed: []};
  for (const row of rows) {
    const group = groupOf(row);
    (groups[group] || groups.aborted).push([row.number, row.objectiveValues[objective], row.id]);
  }
  const lower = minimizes(model.objectives[objective]);
  const best = [];
  let current = null;
  for (const row of rows) {
    if (row.status === 'FAILED') continue;
    const v = row.objectiveValues[objective];
    if (current === null || (lower ? v < current : v > current)) current = v;
    best.push([row.number, current]);
  }
  const failedWithout = model.experiments().filter(r => r.status === 'FAILED' && (r.objectiveValues?.[objective] ?? null) === null).length;
  const scatter = (name, data, color, symbol, size) => ({
    name, type: 'scatter', data, symbol, symbolSize: size, itemStyle: {color, opacity: 0.8},
    // large: one path for all points; progressive 0: drawn in one frame, not 400 points per frame
    large: data.length > 5000, largeThreshold: 5000, progressive: 0, emphasis: {scale: 1.6},
  });
  const option = {
    animation: false,
    grid: {left: 70, right: 30, top: 40, bottom: 50},
    legend: {top: 0},
    tooltip: {trigger: 'item', formatter: p => `#${p.value[0]}: ${p.value[1]}`},
    xAxis: {type: 'value', name: 'experiment', nameLocation: 'middle', nameGap: 28, minInterval: 1, min: 0,
      max: extent => Math.max(1, Math.ceil(extent.max * 1.02 + 0.5))},
    yAxis: {type: 'value', name: objectiveLabel(model, objective), scale: true},
    dataZoom: [{type: 'inside', xAxisIndex: 0}, {type: 'inside', yAxisIndex: 0}],
    series: [
      scatter('completed', groups.completed, COLORS.completed, 'circle', 7),
      scatter('pruned', groups.pruned, COLORS.pruned, 'triangle', 9),
      scatter('aborted', groups.aborted, COLORS.aborted, 'diamond', 8),
      scatter('failed', groups.failed, COLORS.failed, 'rect', 7),
      {name: 'best so far', type: 'line', step: 'end', data: best, showSymbol: false,
        lineStyle: {color: COLORS.best, width: 2}, itemStyle: {color: COLORS.best}},
    ],
  };
  const stats = {points: rows.length, completed: groups.completed.length, pruned: groups.pruned.length,
    aborted: groups.aborted.length, failed: groups.failed.length + failedWithout,
    best: current === null ? '' : current};
  return {option, stats};
}
