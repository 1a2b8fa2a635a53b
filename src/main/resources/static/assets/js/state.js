// What the page shows, exposed as window.hpoDashboard so tests (and curious users) can read plot state
// without looking at pixels.

export const dashboard = window.hpoDashboard = {
  route: null,
  role: null,
  study: null,
  plot: null,
  plots: {},
  stream: {state: 'closed', lastEventId: null, received: 0, byType: {}},
  timings: {},
  errors: [],
};

/** Records a timing in ms since navigation start (performance.now()) and as a Performance API mark. */
export function mark(name) {
  dashboard.timings[name] = Math.round(performance.now());
  try { performance.mark(`hpo:${name}`); } catch (ignored) { /* old browsers */ }
}
