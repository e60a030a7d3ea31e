// The backstride API (docs/api.md): typed calls, with the session's CSRF token on every
// request that changes something, and errors as ApiError with the server's message.
//
// The shapes are not written here: they are generated from the API's schema
// (docs/api.schema.json) into api-types.ts, which the server is checked against too
// (e2e/api-schema.mjs). `Api` maps each route, "METHOD /api/path", to its query, body,
// response and error, and `request` takes its types from there.
import type { Api, ImportArchiveSummary, ImportJobProgress, Settings, SettingsChange } from './api-types';

export type * from './api-types';

export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
    public field?: string,
    // A 429's Retry-After: the seconds to wait before trying again.
    public retryAfterS?: number,
  ) {
    super(message);
  }
}

// A load given up on because the page moved on (AbortController.abort): not an error
// to show.
export function isAborted(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type Route = keyof Api;
type Part<R extends Route, K extends string> = K extends keyof Api[R] ? Exclude<Api[R][K], undefined> : never;
// Routes with a number in the path ("/api/runs/{id}") need the id.
type IdOf<R extends Route> = R extends `${string}{id}${string}` ? { id: number } : { id?: never };

type Request<R extends Route> = IdOf<R> & {
  query?: Part<R, 'query'>;
  // A file is sent as it is; anything else as JSON.
  body?: [Part<R, 'body'>] extends [never] ? never : Part<R, 'body'> | Blob;
  signal?: AbortSignal;
};

let token: Promise<string> | null = null;

function csrfToken(): Promise<string> {
  token ??= request('GET /api/session').then(
    (session) => session.csrf_token,
    (error: unknown) => {
      token = null;  // ask again next time
      throw error;
    },
  );
  return token;
}

// The clinic server gives a new session's token when it signs someone in; signing out
// forgets it, so the next change asks again.
export function setCsrfToken(csrf: string | null) {
  token = csrf === null ? null : Promise.resolve(csrf);
}

// On the clinic server, what to do when the server says no one is signed in any more (the
// session ended, or was signed out from another device): show the sign-in page.
let onSignedOut: (() => void) | null = null;
export function whenSignedOut(handler: (() => void) | null) {
  onSignedOut = handler;
}

// The clinic server's routes that work before anyone signs in: they need no CSRF token (it
// belongs to a session), and their 401 is an answer to show, not a session that ended.
const withoutSession = ['POST /api/auth/sign-in', 'POST /api/auth/link', 'POST /api/auth/use-link', 'GET /api/session'];

// Watch files go as their bytes; every other body is JSON (an export to restore is JSON
// already, so its file goes as it is).
const octetStream: Route[] = ['POST /api/import'];

export async function request<R extends Route>(
  route: R,
  ...[options]: R extends `${string}{id}${string}` ? [Request<R>] : [Request<R>?]
): Promise<Api[R]['response']> {
  const { id, query, body, signal } = (options ?? {}) as {
    id?: number;
    query?: Record<string, string | undefined>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const [method, pattern] = route.split(' ');
  let path = pattern;
  if (pattern.includes('{id}')) {
    if (id === undefined) throw new Error(`${route} needs an id`);
    path = pattern.replace('{id}', String(id));
  }
  const search = new URLSearchParams(
    Object.entries(query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  if (search) path += `?${search}`;
  return (await call(method, path, body, {
    signal,
    octetStream: octetStream.includes(route),
  })) as Api[R]['response'];
}

// One call of the API by method and path (request() types the routes of the schema; the
// clinic's are typed in clinic-api.ts). Sends the CSRF token with every change, JSON or a
// file as the body; fails with ApiError carrying the server's message.
export async function call(
  method: string,
  path: string,
  body?: unknown,
  { signal, octetStream = false }: { signal?: AbortSignal; octetStream?: boolean } = {},
): Promise<unknown> {
  const route = `${method} ${path.split('?')[0]}`;
  const headers: Record<string, string> = {};
  if (method !== 'GET' && !withoutSession.includes(route)) headers['X-CSRF-Token'] = await csrfToken();
  let sent: BodyInit | undefined;
  if (body !== undefined) {
    headers['Content-Type'] = octetStream ? 'application/octet-stream' : 'application/json';
    sent = body instanceof Blob ? body : JSON.stringify(body);
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, { method, headers, body: sent, signal });
    text = await response.text();
  } catch (error) {
    if (isAborted(error)) throw error;
    throw new ApiError(0, 'backstride is not answering. Is `backstride serve` still running?');
  }
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy's error page): said below by its status
  }
  if (!response.ok) {
    if (response.status === 401 && !withoutSession.includes(route)) {
      token = null;
      onSignedOut?.();
    }
    const error = (data as { error?: { message?: string; field?: string } } | null)?.error;
    const retryAfter = Number(response.headers.get('Retry-After') ?? '');
    throw new ApiError(response.status, error?.message ?? `the server answered ${response.status}`, error?.field,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  return data;
}

// Whole exports (a Strava, Garmin or Apple Health download) go through XMLHttpRequest,
// not fetch: only it reports how much of an upload has been sent. The server reads the
// bytes as they arrive, so a file of gigabytes is fine.
export async function importExport(
  file: File,
  job: string,
  onSent: (sent: number, total: number) => void,
): Promise<ImportArchiveSummary> {
  const csrf = await csrfToken();
  const query = new URLSearchParams({ name: file.name, size: String(file.size), job }).toString();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import-archive?${query}`);
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onSent(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'The connection to backstride was lost during the upload. The runs read so far are kept; try again to add the rest.'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON: said below
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) {
        resolve(data as ImportArchiveSummary);
      } else {
        const error = (data as { error?: { message?: string; field?: string } } | null)?.error;
        reject(new ApiError(xhr.status, error?.message ?? `the server answered ${xhr.status}`, error?.field));
      }
    };
    xhr.send(file);
  });
}

// How far the import of upload `job` has come; null while the server has not started it.
export async function importProgress(job: string, signal?: AbortSignal): Promise<ImportJobProgress | null> {
  const response = await fetch(`/api/import-progress?${new URLSearchParams({ job }).toString()}`, { signal });
  if (response.status === 404) return null;
  if (!response.ok) throw new ApiError(response.status, `the server answered ${response.status}`);
  return (await response.json()) as ImportJobProgress;
}

// --- Calls ------------------------------------------------------------------------------

// Loads take an AbortSignal, so a page that moves on (another week, another run) can give
// up on what it no longer shows.
export const api = {
  questionnaire: (replies: string[], signal?: AbortSignal) =>
    request('POST /api/questionnaire', { body: { replies }, signal }),
  // stored is false for a warning sign: nothing is kept, so show the assessment at once.
  assess: (answers: Api['POST /api/assessment']['body']) => request('POST /api/assessment', { body: answers }),
  assessment: (signal?: AbortSignal) => request('GET /api/assessment', { signal }),
  plan: (signal?: AbortSignal) => request('GET /api/plan', { signal }),
  today: (signal?: AbortSignal) => request('GET /api/today', { signal }),
  week: (next: boolean, signal?: AbortSignal) =>
    request('GET /api/week', { query: next ? { next: '1' } : {}, signal }),
  status: (signal?: AbortSignal) => request('GET /api/status', { query: {}, signal }),
  pain: (signal?: AbortSignal) => request('GET /api/pain', { query: {}, signal }),
  log: (form: Api['POST /api/log']['body']) => request('POST /api/log', { body: form }),
  history: (signal?: AbortSignal) => request('GET /api/log', { signal }),
  editLog: (id: number, form: Api['PUT /api/log/{id}']['body']) => request('PUT /api/log/{id}', { id, body: form }),
  deleteLog: (id: number) => request('DELETE /api/log/{id}', { id }),
  undo: () => request('POST /api/undo', { body: {} }),
  runs: (signal?: AbortSignal) => request('GET /api/runs', { signal }),
  run: (id: number, signal?: AbortSignal) => request('GET /api/runs/{id}', { id, signal }),
  setOnset: (id: number, onset: Api['POST /api/runs/{id}/onset']['body']) =>
    request('POST /api/runs/{id}/onset', { id, body: onset }),
  ratePain: (id: number, pain: number) => request('POST /api/runs/{id}/pain', { id, body: { pain } }),
  importFile: (file: File) =>
    request('POST /api/import', { query: { name: file.webkitRelativePath || file.name }, body: file }),
  restore: (file: File, replace: boolean) =>
    request('POST /api/import-data', { query: replace ? { replace: '1' } : {}, body: file }),
  progress: (signal?: AbortSignal) => request('GET /api/progress', { signal }),
  settings: (signal?: AbortSignal): Promise<Settings> => request('GET /api/settings', { signal }),
  saveSettings: (change: SettingsChange): Promise<Settings> => request('PUT /api/settings', { body: change }),
};

// Downloads, as links.
const pathOf = (route: Route) => route.split(' ')[1];
export const downloads = {
  calendar: pathOf('GET /api/export.ics'),
  everything: pathOf('GET /api/export.json'),
};
