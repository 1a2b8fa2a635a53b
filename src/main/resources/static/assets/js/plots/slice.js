// Slice: one parameter against the objective, points coloured by experiment number (later is darker).

import {axisOf, COLORS, objectiveLabel, paramValue, valued} from './common.js';

export function sliceOption(model, {objective = 0, parameter} = {}) {
  const rows = valued(model, objective).filter(r => paramValue(r, parameter) !== null);
  const axis = axisOf(model, parameter, rows);
  const data = rows.map(r => [paramValue(r, parameter), r.objectiveValues[objective], r.number]);
  const last = rows.length ? rows[rows.length - 1].number : 1;
  const option = {
    animation: false,
    grid: {left: 70, right: 90, top: 30, bottom: 50},
    tooltip: {trigger: 'item', formatter: p => `#${p.value[2]}: ${parameter} = ${p.value[0]}, value ${p.value[1]}`},
    xAxis: {...axis, name: parameter, nameLocation: 'middle', nameGap: 28},
    yAxis: {type: 'value', name: objectiveLabel(model, objective), scale: true},
    visualMap: {type: 'continuous', dimension: 2, min: 0, max: Math.max(1, last), right: 10, top: 'middle',
      text: ['later', 'earlier'], inRange: {color: ['#c9d8f5', COLORS.completed, '#142f6b']}},
    series: [{type: 'scatter', data, symbolSize: 7, large: data.length > 5000, largeThreshold: 5000, progressive: 0}],
  };
  return {option, stats: {points: data.length, parameter}};
}
