// Contour of two parameters: the plane cut into cells (categories keep their own cell), each cell coloured
// by the best objective value of the experiments in it, with the experiments drawn on top.

import {axisOf, objectiveLabel, paramValue, valued} from './common.js';
import {minimizes} from '../study/model.js';

const CELLS = 24;

/** Cell index of a value on an axis: categories by position, numbers in CELLS equal bins (log bins on log axes). */
function binner(axis, values) {
  if (axis.type === 'category') {
    return {count: axis.data.length, index: v => axis.data.indexOf(String(v)), labels: axis.data};
  }
  const log = axis.type === 'log';
  const t = v => (log ? Math.log10(v) : v);
  const lo = Math.min(...values.map(t));
  const hi = Math.max(...values.map(t));
  const width = (hi - lo) / CELLS || 1;
  const labels = Array.from({length: CELLS}, (_, i) => {
    const mid = lo + (i + 0.5) * width;
    return Number((log ? 10 ** mid : mid).toPrecision(3)).toString();
  });
  return {count: CELLS, index: v => Math.min(CELLS - 1, Math.floor((t(v) - lo) / width)), labels};
}

export function contourOption(model, {objective = 0, x, y} = {}) {
  const rows = valued(model, objective).filter(r => paramValue(r, x) !== null && paramValue(r, y) !== null);
  if (rows.length === 0) return {option: null, stats: {cells: 0, points: 0}};
  const bx = binner(axisOf(model, x, rows), rows.map(r => paramValue(r, x)));
  const by = binner(axisOf(model, y, rows), rows.map(r => paramValue(r, y)));
  const lower = minimizes(model.objectives[objective]);
  const cells = new Map();
  const points = [];
  for (const row of rows) {
    const i = bx.index(paramValue(row, x));
    const j = by.index(paramValue(row, y));
    if (i < 0 || j < 0) continue;
    const v = row.objectiveValues[objective];
    const key = i * 100000 + j;
    const known = cells.get(key);
    if (known === undefined || (lower ? v < known : v > known)) cells.set(key, v);
    // jitter inside the cell so that experiments in one cell stay visible
    points.push([i + 0.5 + (hash(row.number) - 0.5) * 0.6, j + 0.5 + (hash(row.number + 7) - 0.5) * 0.6, v, row.number]);
  }
  const heat = [...cells.entries()].map(([key, v]) => [Math.floor(key / 100000), key % 100000, v]);
  const values = heat.map(c => c[2]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const option = {
    animation: false,
    grid: {left: 90, right: 100, top: 30, bottom: 60},
    tooltip: {trigger: 'item', formatter: p => (p.seriesType === 'heatmap'
      ? `${x} \u2248 ${bx.labels[p.value[0]]}, ${y} \u2248 ${by.labels[p.value[1]]}: best ${p.value[2]}`
      : `#${p.value[3]}: ${p.value[2]}`)},
    xAxis: [{type: 'category', data: bx.labels, name: x, nameLocation: 'middle', nameGap: 36, splitArea: {show: false}},
      {type: 'value', min: 0, max: bx.count, show: false}],
    yAxis: [{type: 'category', data: by.labels, name: y, nameLocation: 'end'},
      {type: 'value', min: 0, max: by.count, show: false}],
    visualMap: {type: 'continuous', seriesIndex: 0, min, max: max === min ? min + 1 : max, right: 10, top: 'middle',
      calculable: true, text: [objectiveLabel(model, objective), ''],
      inRange: {color: lower ? ['#1d3f8f', '#6aa0f0', '#f7f0c6'] : ['#f7f0c6', '#6aa0f0', '#1d3f8f']}},
    series: [
      {type: 'heatmap', data: heat, xAxisIndex: 0, yAxisIndex: 0, emphasis: {itemStyle: {borderColor: '#000', borderWidth: 1}}},
      {type: 'scatter', data: points, xAxisIndex: 1, yAxisIndex: 1, symbolSize: 4,
        itemStyle: {color: 'rgba(20,20,20,0.55)'}, large: points.length > 5000, largeThreshold: 5000, progressive: 0},
    ],
  };
  return {option, stats: {cells: heat.length, points: points.length, x, y}};
}

function hash(n) {
  const s = Math.sin(n * 12.9898) * 43758.5453;
  return s - Math.floor(s);
}
