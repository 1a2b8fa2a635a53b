// Parallel coordinates: one axis per parameter and one for the objective, a line per ended experiment,
// coloured by its objective value (better is darker).

import {axisOf, objectiveLabel, paramValue, valued} from './common.js';
import {minimizes} from '../study/model.js';

export function parallelOption(model, {objective = 0} = {}) {
  const rows = valued(model, objective);
  const names = model.parameterNames();
  const axes = names.map((name, i) => ({dim: i, name, ...axisOf(model, name, rows)}));
  const values = rows.map(r => r.objectiveValues[objective]);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  axes.push({dim: names.length, name: objectiveLabel(model, objective), type: 'value', scale: true,
    nameTextStyle: {fontWeight: 'bold'}});
  const data = rows.map(r => [...names.map(n => paramValue(r, n)), r.objectiveValues[objective]]);
  const lower = minimizes(model.objectives[objective]);
  const option = {
    animation: false,
    parallel: {left: 60, right: 110, top: 50, bottom: 40,
      parallelAxisDefault: {nameLocation: 'end', nameGap: 16, nameTextStyle: {fontSize: 12}, nameTruncate: {maxWidth: 120}}},
    parallelAxis: axes,
    visualMap: {type: 'continuous', dimension: names.length, min, max: max === min ? min + 1 : max, calculable: true,
      inRange: {color: lower ? ['#1d3f8f', '#6aa0f0', '#f0d36a'] : ['#f0d36a', '#6aa0f0', '#1d3f8f']},
      right: 10, top: 'middle', text: [lower ? 'worse' : 'better', lower ? 'better' : 'worse']},
    series: [{type: 'parallel', data, lineStyle: {width: 1, opacity: rows.length > 2000 ? 0.25 : 0.55},
      progressive: 2000, smooth: false, emphasis: {lineStyle: {width: 3, opacity: 1}}}],
  };
  return {option, stats: {lines: rows.length, axes: axes.length}};
}
