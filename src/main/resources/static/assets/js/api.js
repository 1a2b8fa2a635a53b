// The REST client of the pages: a bearer token from localStorage on every call, problems as ApiError.

const TOKEN_KEY = 'hpo.dashboard.token';

export function token() {
  return localStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) localStorage.setItem(TOKEN_KEY, value.trim());
  else localStorage.removeItem(TOKEN_KEY);
}

/** Headers every call carries: the bearer token when one is set. */
export function authHeaders(extra = {}) {
  const headers = {...extra};
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  return headers;
}

/** A non-2xx answer, with its RFC 9457 problem when the body is one. */
export class ApiError extends Error {
  constructor(status, problem, path) {
    super(problem?.detail || problem?.title || `HTTP ${status} on ${path}`);
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
}

/** Tells the page (main.js) that the token is missing or was refused. */
export function reportAuthProblem(status, path) {
  window.dispatchEvent(new CustomEvent('hpo:auth', {detail: {status, path}}));
}

/** Calls the API (silent: no 401/403 notice); answers the parsed JSON (null for 204), text for text bodies; throws ApiError otherwise. */
export async function api(path, {method = 'GET', body, accept = 'application/json', signal, silent = false} = {}) {
  const headers = authHeaders({Accept: `${accept}, application/problem+json`});
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, signal, cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* not a problem document */ }
    if (!silent && (response.status === 401 || response.status === 403)) reportAuthProblem(response.status, path);
    throw new ApiError(response.status, problem, path);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Every page of a paged list (PageResponse), a few requests at a time; onPage sees each page's items. */
export async function allPages(path, {size = 500, parallel = 4, onPage} = {}) {
  const sep = path.includes('?') ? '&' : '?';
  const first = await api(`${path}${sep}page=0&size=${size}`);
  const pages = new Array(first.totalPages || 1);
  pages[0] = first.items;
  onPage?.(first.items, 0, first);
  let next = 1;
  async function worker() {
    while (next < pages.length) {
      const page = next++;
      const answer = await api(`${path}${sep}page=${page}&size=${size}`);
      pages[page] = answer.items;
      onPage?.(answer.items, page, answer);
    }
  }
  await Promise.all(Array.from({length: Math.min(parallel, pages.length - 1)}, worker));
  return pages.flat();
}

/** Downloads an API answer as a file (a plain link could not send the bearer token). */
export async function download(path, filename, accept) {
  const response = await fetch(path, {headers: authHeaders({Accept: `${accept}, application/problem+json`}), cache: 'no-store'});
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* not a problem document */ }
    if (response.status === 401 || response.status === 403) reportAuthProblem(response.status, path);
    throw new ApiError(response.status, problem, path);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
