// Pareto front of two or three objectives: every ended experiment, the non-dominated ones highlighted; three
// objectives as the three pairwise projections.

import {COLORS} from './common.js';
import {isEnded, minimizes} from '../study/model.js';

function isFiniteAll(values, n) {
  if (!values) return false;
  for (let d = 0; d < n; d++) if (values[d] === null || values[d] === undefined || !isFinite(values[d])) return false;
  return true;
}

/** Indices of the non-dominated rows (objectives turned into minimization). */
export function nonDominated(vectors) {
  const order = vectors.map((v, i) => i).sort((a, b) => vectors[a][0] - vectors[b][0]
    || (vectors[a][1] ?? 0) - (vectors[b][1] ?? 0) || (vectors[a][2] ?? 0) - (vectors[b][2] ?? 0));
  const front = [];
  for (const i of order) {
    const v = vectors[i];
    const dominated = front.some(j => {
      const w = vectors[j];
      let strictly = false;
      for (let d = 0; d < v.length; d++) {
        if (w[d] > v[d]) return false;
        if (w[d] < v[d]) strictly = true;
      }
      return strictly;
    });
    if (!dominated && !front.some(j => vectors[j].every((x, d) => x === v[d]))) front.push(i);
  }
  return new Set(front);
}

export function paretoOption(model) {
  const n = Math.min(3, model.objectives.length);
  const rows = model.experiments().filter(r => isEnded(r) && r.status !== 'FAILED'
    && isFiniteAll(r.objectiveValues, n));
  const vectors = rows.map(r => model.objectives.slice(0, n).map((o, d) => (minimizes(o) ? 1 : -1) * r.objectiveValues[d]));
  const front = nonDominated(vectors);
  const pairs = n === 2 ? [[0, 1]] : [[0, 1], [0, 2], [1, 2]];
  const width = 100 / pairs.length;
  const label = d => `${model.objectives[d].title}/${model.objectives[d].series}`;
  const option = {
    animation: false,
    legend: {top: 0, data: ['Pareto front', 'dominated']},
    tooltip: {trigger: 'item', formatter: p => `#${p.value[2]}`},
    grid: pairs.map((_, i) => ({left: `${i * width + 7}%`, width: `${width - 11}%`, top: 50, bottom: 50})),
    xAxis: pairs.map(([a], i) => ({gridIndex: i, type: 'value', scale: true, name: label(a), nameLocation: 'middle', nameGap: 28})),
    yAxis: pairs.map(([, b], i) => ({gridIndex: i, type: 'value', scale: true, name: label(b)})),
    series: pairs.flatMap(([a, b], i) => [
      {name: 'dominated', type: 'scatter', xAxisIndex: i, yAxisIndex: i, symbolSize: 5, itemStyle: {color: COLORS.muted},
        data: rows.filter((r, k) => !front.has(k)).map(r => [r.objectiveValues[a], r.objectiveValues[b], r.number]),
        large: rows.length > 5000},
      {name: 'Pareto front', type: 'scatter', xAxisIndex: i, yAxisIndex: i, symbolSize: 9, itemStyle: {color: COLORS.completed},
        data: rows.filter((r, k) => front.has(k)).map(r => [r.objectiveValues[a], r.objectiveValues[b], r.number])},
    ]),
  };
  return {option, stats: {points: rows.length, front: front.size, objectives: n}};
}
