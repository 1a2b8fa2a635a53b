// Parameter importance as GET /studies/{id}/importance computes it: a horizontal bar per parameter.

import {COLORS} from './common.js';

export function importanceOption(answer) {
  const items = [...(answer?.importances || [])].sort((a, b) => a.importance - b.importance);
  const option = {
    animation: false,
    title: {text: `${answer?.method || ''} \u00b7 ${answer?.completedExperiments ?? 0} completed experiments`,
      left: 'center', top: 0, textStyle: {fontSize: 12, fontWeight: 'normal', color: '#6b7280'}},
    grid: {left: 160, right: 60, top: 40, bottom: 40},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    xAxis: {type: 'value', name: 'importance', nameLocation: 'middle', nameGap: 26, min: 0},
    yAxis: {type: 'category', data: items.map(i => i.parameter), axisLabel: {width: 150, overflow: 'truncate'}},
    series: [{type: 'bar', data: items.map(i => Number(i.importance.toFixed(4))), itemStyle: {color: COLORS.completed},
      label: {show: true, position: 'right', formatter: p => p.value.toFixed(3)}}],
  };
  const top = items.length ? items[items.length - 1].parameter : '';
  return {option, stats: {bars: items.length, top, method: answer?.method || ''}};
}
