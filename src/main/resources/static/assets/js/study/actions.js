// Who may act: start, stop and abort need role user or admin. The role comes from GET /api/v1/tokens/me when
// the service has it; otherwise the page learns it from the first 403 and hides the actions from then on.

import {h} from '../dom.js';
import {dashboard} from '../state.js';

const ACTING = new Set(['admin', 'user']);

export function canAct() {
  if (dashboard.denied) return false;
  return dashboard.role === null || ACTING.has(dashboard.role);
}

/** An action was refused with 403: the token's role cannot act, so the pages stop offering actions. */
export function noteDenied() {
  dashboard.denied = true;
  window.dispatchEvent(new CustomEvent('hpo:read-only'));
}

export function roleNote() {
  return h('span', {class: 'reason', id: 'read-only'}, `read-only${dashboard.role ? ` (role ${dashboard.role})` : ''}`);
}
