// Small DOM and formatting helpers shared by every page.

/** Creates an element: h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, ...). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function badge(status, extraClass = '') {
  return h('span', {class: `badge ${status} ${extraClass}`.trim(), 'data-status': status}, status);
}

/** A number for people: up to 5 significant digits, no exponent for ordinary magnitudes. */
export function num(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '\u2014';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e7)) return value.toExponential(3);
  return Number(value.toPrecision(5)).toString();
}

export function when(iso) {
  if (!iso) return '\u2014';
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').slice(0, 19);
}

/** Minutes as "1 h 05 min", "12.5 min", "40 s". */
export function minutes(value) {
  if (value === null || value === undefined || value < 0) return '\u2014';
  if (value < 1) return `${Math.round(value * 60)} s`;
  if (value < 60) return `${Number(value.toFixed(1))} min`;
  const hours = Math.floor(value / 60);
  return `${hours} h ${String(Math.round(value % 60)).padStart(2, '0')} min`;
}

/** Seconds between two ISO times (end defaults to now), or null. */
export function seconds(startIso, endIso) {
  if (!startIso) return null;
  const end = endIso ? Date.parse(endIso) : Date.now();
  return Math.max(0, (end - Date.parse(startIso)) / 1000);
}

export function progressBar(fraction) {
  const pct = Math.max(0, Math.min(1, fraction)) * 100;
  return h('div', {class: 'bar', title: `${pct.toFixed(0)}%`}, h('span', {style: `width:${pct}%`}));
}
