// A study's experiments in the browser: loaded once from the paged list, then kept current by the event
// stream. Plots read from here; nothing here draws.

const ENDED = new Set(['COMPLETED', 'FAILED', 'ABORTED']);

export function isEnded(row) {
  return ENDED.has(row.status);
}

export function isPruned(row) {
  return row.status === 'ABORTED' && row.stopReason === 'pruned';
}

/** min, min_global: smaller is better. */
export function minimizes(objective) {
  return objective.sign === 'min' || objective.sign === 'min_global';
}

export class StudyModel {
  constructor(study) {
    this.study = study;
    this.objectives = study.objectives || [];
    this.rows = [];            // by experiment number (sparse while loading)
    this.byId = new Map();
    this.curves = new Map();   // experimentId -> Map("title\u0000series" -> [[iteration, value], ...] sorted)
    this.lastIterations = new Map(); // experimentId -> per objective, iteration of its value (sign min/max)
    this.version = 0;
    this.listeners = new Set();
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(kind) {
    this.version++;
    for (const listener of this.listeners) listener(kind);
  }

  /** An experiment as GET /studies/{id}/experiments lists it (or a part of one from an event). */
  upsert(item) {
    const existing = this.byId.get(item.id);
    if (existing) {
      Object.assign(existing, item);
      return existing;
    }
    const row = {objectiveValues: this.objectives.map(() => null), parameters: null, ...item};
    this.byId.set(row.id, row);
    if (typeof row.number === 'number') this.rows[row.number] = row;
    return row;
  }

  experiments() {
    return this.rows.filter(Boolean);
  }

  parameterNames() {
    const names = [];
    for (const p of this.study.parameters || []) {
      if (p.type === 'parameter_set') {
        for (const combination of p.combinations || p.values || []) {
          for (const key of Object.keys(combination)) if (!names.includes(key)) names.push(key);
        }
      } else if (p.name && !names.includes(p.name)) names.push(p.name);
    }
    return names;
  }

  /** The space entry of a parameter name, or null (parameter-set keys). */
  parameterSpec(name) {
    return (this.study.parameters || []).find(p => p.name === name && p.type !== 'parameter_set') || null;
  }

  counts() {
    const counts = {QUEUED: 0, RUNNING: 0, COMPLETED: 0, FAILED: 0, ABORTED: 0, pruned: 0, total: 0};
    for (const row of this.experiments()) {
      counts[row.status] = (counts[row.status] || 0) + 1;
      if (isPruned(row)) counts.pruned++;
      counts.total++;
    }
    return counts;
  }

  /** Sum of the experiments' running minutes (running ones up to now); ended ones are summed once. */
  computeMinutes() {
    let ms = 0;
    const now = Date.now();
    for (const row of this.experiments()) {
      if (!row.startedAt) continue;
      if (row.endedAt) {
        if (row.ranFor === undefined || row.ranForKey !== row.endedAt) {
          row.ranFor = Date.parse(row.endedAt) - Date.parse(row.startedAt);
          row.ranForKey = row.endedAt;
        }
        ms += row.ranFor;
      } else {
        ms += now - Date.parse(row.startedAt);
      }
    }
    return ms / 60000;
  }

  /** The best value of objective k among ended experiments (the ranking's view: completed and aborted). */
  best(k = 0) {
    const objective = this.objectives[k];
    let best = null;
    for (const row of this.experiments()) {
      const v = row.objectiveValues?.[k];
      if (v === null || v === undefined || row.status === 'FAILED' || !isEnded(row)) continue;
      if (best === null || (minimizes(objective) ? v < best.value : v > best.value)) best = {value: v, row};
    }
    return best;
  }

  // ---- events ---------------------------------------------------------------------------------------

  /** Applies one event of GET /studies/{id}/events; answers what changed (for the page to redraw). */
  apply(type, data) {
    if (!data || typeof data !== 'object') return null;
    switch (type) {
      case 'experiment_created': {
        const row = this.upsert({id: data.experimentId, number: data.number, status: data.status || 'QUEUED',
          createdAt: data.at, ...(data.parameters ? {parameters: data.parameters} : {})});
        return {kind: 'experiments', row, needsDetails: !row.parameters};
      }
      case 'experiment_started': {
        const row = this.upsert({id: data.experimentId, number: data.number, status: 'RUNNING', startedAt: data.at,
          ...(data.workerId ? {workerId: data.workerId} : {})});
        return {kind: 'experiments', row, needsDetails: !row.parameters};
      }
      case 'experiment_reported':
        return this.reported(data);
      case 'experiment_requeued': {
        // a lost worker's experiment runs again from the start: its old points are gone on the server too
        const row = this.upsert({id: data.experimentId, number: data.number, status: 'QUEUED', startedAt: null,
          workerId: null, objectiveValues: this.objectives.map(() => null)});
        this.curves.delete(row.id);
        this.lastIterations.delete(row.id);
        return {kind: 'experiments', row, needsDetails: !row.parameters};
      }
      case 'experiment_ended': {
        const update = {id: data.experimentId, number: data.number, status: data.status,
          stopReason: data.stopReason ?? null, endedAt: data.at};
        if (Array.isArray(data.objectives)) update.objectiveValues = data.objectives;
        const row = this.upsert(update);
        return {kind: 'ended', row, needsDetails: !row.parameters};
      }
      case 'study_changed':
        this.study.status = data.status;
        this.study.statusReason = data.statusReason ?? null;
        return {kind: 'study'};
      case 'report_written':
        return {kind: 'report'};
      default:
        return null;
    }
  }

  reported(data) {
    const row = this.byId.get(data.experimentId)
      || this.upsert({id: data.experimentId, number: data.number, status: 'RUNNING'});
    const key = `${data.title}\u0000${data.series}`;
    let metrics = this.curves.get(row.id);
    if (!metrics) this.curves.set(row.id, metrics = new Map());
    let points = metrics.get(key);
    if (!points) metrics.set(key, points = []);
    if (!points.some(p => p[0] === data.iteration)) {
      points.push([data.iteration, data.value]);
      if (points.length > 1 && points[points.length - 2][0] > data.iteration) points.sort((a, b) => a[0] - b[0]);
    }
    this.objectives.forEach((objective, k) => {
      if (objective.title !== data.title || objective.series !== data.series) return;
      const values = row.objectiveValues || (row.objectiveValues = this.objectives.map(() => null));
      const current = values[k];
      if (objective.sign === 'min_global') values[k] = current === null ? data.value : Math.min(current, data.value);
      else if (objective.sign === 'max_global') values[k] = current === null ? data.value : Math.max(current, data.value);
      else {
        const its = this.lastIterations.get(row.id) || [];
        if (its[k] === undefined || data.iteration >= its[k]) {
          values[k] = data.value;
          its[k] = data.iteration;
          this.lastIterations.set(row.id, its);
        }
      }
    });
    return {kind: 'reported', row};
  }

  /** Stores an experiment's points of one metric (from GET /experiments/{id}?title=&series=). */
  setCurve(experimentId, title, series, points) {
    let metrics = this.curves.get(experimentId);
    if (!metrics) this.curves.set(experimentId, metrics = new Map());
    const key = `${title}\u0000${series}`;
    const known = metrics.get(key) || [];
    const merged = new Map(known.map(p => [p[0], p[1]]));
    for (const p of points) merged.set(p[0], p[1]);
    metrics.set(key, [...merged.entries()].sort((a, b) => a[0] - b[0]));
  }

  curve(experimentId, title, series) {
    return this.curves.get(experimentId)?.get(`${title}\u0000${series}`) || null;
  }
}
