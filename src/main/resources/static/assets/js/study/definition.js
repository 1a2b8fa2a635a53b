// The study's definition: search space, objectives, strategy and settings, early stopping, limits, backend.

import {h, minutes, num, when} from '../dom.js';

function range(p) {
  switch (p.type) {
    case 'uniform': case 'uniform_integer':
      return `[${num(p.min)}, ${num(p.max)}]${p.step ? ` step ${num(p.step)}` : ''}`;
    case 'log_uniform':
      return `${p.base || 10}^[${num(p.min)}, ${num(p.max)}]${p.step ? ` step ${num(p.step)}` : ''}`;
    case 'discrete':
      return `{${(p.values || []).map(v => JSON.stringify(v)).join(', ')}}`;
    case 'parameter_set':
      return `${(p.combinations || p.values || []).length} combinations`;
    default:
      return JSON.stringify(p);
  }
}

function settings(object) {
  const entries = Object.entries(object || {});
  return entries.length ? entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ') : 'defaults';
}

function kv(pairs) {
  return h('dl', {class: 'kv'}, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

export function definitionPanel(study) {
  const space = h('table', {class: 'grid'},
    h('thead', {}, h('tr', {}, h('th', {}, 'parameter'), h('th', {}, 'type'), h('th', {}, 'range'))),
    h('tbody', {}, (study.parameters || []).map(p =>
      h('tr', {}, h('td', {}, h('code', {}, p.name || 'parameter_set')), h('td', {}, p.type), h('td', {}, range(p))))));
  const limits = [
    ['max concurrent', study.maxConcurrentExperiments],
    ['total max jobs', study.totalMaxJobs],
    ['time limit', study.optimizationTimeLimitMinutes ? minutes(study.optimizationTimeLimitMinutes) : null],
    ['deadline', study.deadline ? when(study.deadline) : null],
    ['compute limit', study.computeTimeLimitMinutes ? minutes(study.computeTimeLimitMinutes) : null],
    ['per-job time limit', study.timeLimitPerJobMinutes ? minutes(study.timeLimitPerJobMinutes) : null],
    ['iterations per job', study.minIterationPerJob || study.maxIterationPerJob
      ? `${study.minIterationPerJob ?? '\u2014'} .. ${study.maxIterationPerJob ?? '\u2014'}` : null],
    ['save top k only', study.saveTopKOnly],
    ['retries per experiment', study.maxRetriesPerExperiment],
    ['report period', study.reportPeriodMinutes ? minutes(study.reportPeriodMinutes) : null],
  ];
  return h('details', {class: 'panel', id: 'definition', open: true},
    h('summary', {}, h('strong', {}, 'Definition')),
    h('div', {class: 'defs'},
      h('div', {}, h('h2', {}, 'Search space'), space),
      h('div', {},
        h('h2', {}, 'Objectives'),
        h('ul', {}, (study.objectives || []).map(o => h('li', {}, h('code', {}, `${o.title}/${o.series}`), ` ${o.sign}`))),
        h('h2', {}, 'Strategy'),
        kv([['strategy', study.strategy?.name], ['seed', study.strategy?.seed], ['settings', settings(study.strategy?.settings)],
          ['early stopping', study.earlyStopping ? `${study.earlyStopping.rule} (${settings(study.earlyStopping.settings)})` : 'none']])),
      h('div', {}, h('h2', {}, 'Limits'), kv(limits)),
      h('div', {}, h('h2', {}, 'Backend'),
        kv([['backend', study.backend], ['queue', study.executionQueue], ['spawn project', study.spawnProject],
          ['base experiment', h('code', {}, study.baseExperimentId)], ['callback', study.jobCompleteCallbackUrl],
          ['created', when(study.createdAt)], ['started', when(study.startedAt)], ['ended', when(study.endedAt)]]))));
}
