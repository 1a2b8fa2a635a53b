// Server-sent events read with fetch and a ReadableStream (EventSource cannot send an Authorization header),
// with reconnects that resume from the last event id (Last-Event-ID header).

import {authHeaders, reportAuthProblem} from './api.js';

/**
 * Parses the text/event-stream format incrementally: feed() it chunks of text, it calls onEvent with
 * {id, event, data} for every complete event. Comments (":...") and unknown fields are ignored.
 */
export class SseParser {
  constructor(onEvent, onRetry = () => {}) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
    this.buffer = '';
    this.skipLf = false;
    this.reset();
  }

  reset() {
    this.type = '';
    this.data = [];
    this.id = null;
  }

  feed(text) {
    if (text.length === 0) return;
    let start = 0;
    if (this.skipLf) {
      // the last chunk ended with a CR: a LF first in this one is the rest of that line end
      this.skipLf = false;
      if (text.startsWith('\n')) start = 1;
    }
    for (;;) {
      const cr = text.indexOf('\r', start);
      const lf = text.indexOf('\n', start);
      if (cr < 0 && lf < 0) {
        this.buffer += text.slice(start);
        return;
      }
      const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      const line = this.buffer + text.slice(start, end);
      this.buffer = '';
      if (text[end] === '\r' && end + 1 === text.length) this.skipLf = true;
      start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({id: this.id, event: this.type || 'message', data: this.data.join('\n')});
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Opens an event stream and keeps it open until close(): onEvent(type, data, id) for each event (data parsed
 * as JSON), onState('connecting' | 'open' | 'reconnecting' | 'denied' | 'closed'). A 404 or 400 (no such
 * study) ends it; anything else is retried.
 */
export function openEventStream(path, {onEvent, onState = () => {}, lastEventId = null}) {
  let last = lastEventId;
  let closed = false;
  let controller = null;
  let delay = 1000;

  async function connectOnce() {
    controller = new AbortController();
    const headers = authHeaders({Accept: 'text/event-stream'});
    if (last !== null) headers['Last-Event-ID'] = last;
    const response = await fetch(path, {headers, signal: controller.signal, cache: 'no-store'});
    if (response.status === 401 || response.status === 403) {
      reportAuthProblem(response.status, path);
      return 'denied';
    }
    if (response.status === 404 || response.status === 400) return 'gone';
    if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
    onState('open');
    delay = 1000;
    const parser = new SseParser(event => {
      if (event.id !== null) last = event.id;
      let data = event.data;
      try { data = JSON.parse(event.data); } catch (ignored) { /* plain text data */ }
      onEvent(event.event, data, event.id);
    }, retry => { delay = retry; });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, {stream: true}));
    }
    return 'ended';
  }

  (async () => {
    onState('connecting');
    while (!closed) {
      try {
        const outcome = await connectOnce();
        if (outcome === 'gone') break;
        if (outcome === 'denied') {
          onState('denied');
          await sleep(15000);
        }
      } catch (error) {
        if (closed) break;
      }
      if (closed) break;
      onState('reconnecting');
      await sleep(delay);
      delay = Math.min(delay * 2, 15000);
    }
    onState('closed');
  })();

  return {
    get lastEventId() { return last; },
    close() {
      closed = true;
      controller?.abort();
    },
  };
}
