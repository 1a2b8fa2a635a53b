// The notice bar under the header: errors of actions, 401/403 explanations.

import {fill} from './dom.js';

export function showNotice(message, kind = 'warn') {
  const notice = document.getElementById('notice');
  if (!message) {
    notice.hidden = true;
    return;
  }
  notice.className = `notice ${kind}`;
  notice.dataset.kind = kind;
  fill(notice, message);
  notice.hidden = false;
}
