// Loads the learning curves (objective metric points) of the latest experiments for the intermediate-values
// plot, a few requests at a time; later points arrive through the event stream.

import {api} from '../api.js';

const LIMIT = 200;
const PARALLEL = 4;

export function curveLoader(model, onLoaded) {
  const requested = new Set();
  let queue = [];
  let active = 0;
  let disposed = false;

  function shown() {
    return model.experiments().filter(r => r.status !== 'QUEUED').slice(-LIMIT);
  }

  /** Fetches the curves of objective k of the shown experiments not fetched yet. */
  function ensure(k = 0) {
    const o = model.objectives[k];
    for (const row of shown()) {
      const key = `${k}:${row.id}`;
      if (requested.has(key)) continue;
      requested.add(key);
      queue.push([row.id, o, key]);
    }
    pump();
  }

  function pump() {
    while (!disposed && active < PARALLEL && queue.length > 0) {
      const [id, o, key] = queue.shift();
      active++;
      const query = `title=${encodeURIComponent(o.title)}&series=${encodeURIComponent(o.series)}`;
      api(`/api/v1/experiments/${id}?${query}`)
        .then(e => {
          model.upsert({id: e.id, number: e.number, parameters: e.parameters});
          model.setCurve(e.id, o.title, o.series, (e.scalars || []).map(s => [s.iteration, s.value]));
        })
        .catch(() => requested.delete(key))
        .finally(() => {
          active--;
          if (!disposed) {
            onLoaded();
            pump();
          }
        });
    }
  }

  /** Requests queued or in flight: the plot is complete when this is 0. */
  function pending() {
    return queue.length + active;
  }

  return {limit: LIMIT, shown, ensure, pending, dispose() { disposed = true; queue = []; }};
}
