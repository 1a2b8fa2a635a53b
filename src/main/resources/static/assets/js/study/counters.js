// Live counters of a study: experiments against the job budget, by status, best value, time and compute used.

import {fill, h, minutes, num, progressBar} from '../dom.js';

export function countersPanel() {
  const root = h('div', {class: 'counters', id: 'counters'});
  function counter(key, label, value, extra) {
    return h('div', {class: 'counter', 'data-counter': key}, h('div', {class: 'v'}, value), h('div', {class: 'k'}, label), extra);
  }
  return {
    root,
    update(model) {
      const study = model.study;
      const c = model.counts();
      const best = model.best(0);
      const started = study.startedAt ? Date.parse(study.startedAt) : null;
      const elapsed = started ? ((study.endedAt ? Date.parse(study.endedAt) : Date.now()) - started) / 60000 : null;
      const compute = model.computeMinutes();
      fill(root,
        counter('experiments', study.totalMaxJobs ? `experiments / ${study.totalMaxJobs}` : 'experiments', c.total,
          study.totalMaxJobs ? progressBar(c.total / study.totalMaxJobs) : null),
        counter('queued', 'queued', c.QUEUED),
        counter('running', 'running', c.RUNNING),
        counter('completed', 'completed', c.COMPLETED),
        counter('pruned', 'pruned', c.pruned),
        counter('aborted', 'aborted (other)', c.ABORTED - c.pruned),
        counter('failed', 'failed', c.FAILED),
        counter('best', best ? `best (#${best.row.number})` : 'best', best ? num(best.value) : '\u2014'),
        counter('elapsed', study.optimizationTimeLimitMinutes ? `elapsed / ${minutes(study.optimizationTimeLimitMinutes)}` : 'elapsed',
          minutes(elapsed), study.optimizationTimeLimitMinutes && elapsed !== null
            ? progressBar(elapsed / study.optimizationTimeLimitMinutes) : null),
        counter('compute', study.computeTimeLimitMinutes ? `compute / ${minutes(study.computeTimeLimitMinutes)}` : 'compute',
          minutes(compute), study.computeTimeLimitMinutes ? progressBar(compute / study.computeTimeLimitMinutes) : null));
    },
  };
}
