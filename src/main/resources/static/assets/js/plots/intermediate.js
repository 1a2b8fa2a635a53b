// Intermediate values: the learning curve (objective metric by iteration) of each loaded experiment; pruned
// ones dashed in their own colour so that early stopping shows.

import {COLORS, groupOf} from './common.js';

export function intermediateOption(model, {objective = 0, experiments = []} = {}) {
  const o = model.objectives[objective];
  const series = [];
  let pruned = 0;
  let points = 0;
  for (const row of experiments) {
    const curve = model.curve(row.id, o.title, o.series);
    if (!curve || curve.length === 0) continue;
    const group = groupOf(row);
    if (group === 'pruned') pruned++;
    points += curve.length;
    series.push({
      name: `#${row.number}`, type: 'line', data: curve, showSymbol: curve.length < 3, symbolSize: 4,
      lineStyle: {width: group === 'pruned' ? 1.5 : 1, type: group === 'pruned' ? 'dashed' : 'solid',
        color: COLORS[group] || COLORS.completed, opacity: group === 'completed' ? 0.55 : 0.9},
      itemStyle: {color: COLORS[group] || COLORS.completed},
      emphasis: {focus: 'series', lineStyle: {width: 3}}, silent: false,
    });
  }
  const option = {
    animation: false,
    grid: {left: 70, right: 30, top: 30, bottom: 50},
    tooltip: {trigger: 'item', formatter: p => `${p.seriesName} @ ${p.value[0]}: ${p.value[1]}`},
    xAxis: {type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 28, scale: true},
    yAxis: {type: 'value', name: `${o.title}/${o.series}`, scale: true},
    dataZoom: [{type: 'inside', xAxisIndex: 0}],
    series,
  };
  return {option, stats: {curves: series.length, pruned, points}};
}
