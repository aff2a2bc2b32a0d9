import { z } from 'zod';
import type { ErrorBody } from '../../common/errors.js';
import { currentLocale, i18next } from '../i18n/index.js';

/** An error answer of the API (or a network failure, code NETWORK), with a message ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorBody['details'] = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

let onUnauthenticated: () => void = () => undefined;

/** The shell registers where a 401 leads (the login page). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** An answer the page does not read (204, or a body it ignores). */
export const NoAnswer = z.unknown().transform(() => undefined);

/** `{ items: [...] }`, the answer of the short lists that have no pages. */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/**
 * The answer checked against the shared schema the server answers with: a page works only with what it was
 * promised, and a mismatch (an older server, a proxy's page) is an error with a message, not a crash further on.
 */
function parseAnswer<S extends z.ZodType>(schema: S, status: number, answer: unknown): z.infer<S> {
  const result = schema.safeParse(answer);
  if (result.success) return result.data;
  console.error('unexpected API answer', result.error.issues);
  throw new ApiError(status, 'BAD_ANSWER', i18next.t('app.networkError'));
}

async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  body?: unknown,
  quiet401 = false,
  extraHeaders: Record<string, string> = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { ...extraHeaders, 'Accept-Language': currentLocale(), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('app.networkError'));
  }
  if (response.status === 204) return parseAnswer(schema, 204, undefined);
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = toApiError(response.status, parsed);
    if (response.status === 401 && !quiet401) onUnauthenticated();
    throw error;
  }
  return parseAnswer(schema, response.status, parsed);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'code' in body && 'message' in body) {
    const { code, message, details } = body as ErrorBody;
    return new ApiError(status, String(code), String(message), details);
  }
  // Never show a raw body (it may be an HTML error page or a stack trace).
  return new ApiError(status, 'HTTP_' + status, i18next.t('app.networkError'));
}

/** The file name a download answer proposes (RFC 5987 `filename*` first), or the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Sends a file as multipart/form-data (field `file`), with the same language header and cookie as any request. */
async function upload<S extends z.ZodType>(path: string, file: File, schema: S): Promise<z.infer<S>> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Accept-Language': currentLocale(), Accept: 'application/json' },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('app.networkError'));
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) onUnauthenticated();
    throw toApiError(response.status, parsed);
  }
  return parseAnswer(schema, response.status, parsed);
}

/**
 * Fetches a file answer and hands it to the browser as a download. Fetched rather than opened as a link so that
 * a refusal (403, 404 IMPORT_NO_ERRORS …) arrives as an ApiError with the server's message instead of a JSON page.
 */
async function download(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { 'Accept-Language': currentLocale() }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('app.networkError'));
  }
  if (!response.ok) {
    const text = await response.text();
    if (response.status === 401) onUnauthenticated();
    throw toApiError(response.status, text ? safeJson(text) : undefined);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A window event after every successful change the user made (the menu badges count again). */
export const DATA_CHANGED = 'gonghui:data-changed';

function changed<T>(answer: T): T {
  window.dispatchEvent(new Event(DATA_CHANGED));
  return answer;
}

/** Every call names the shared schema of its answer: what a page receives is parsed, never cast. */
export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Query) => request('GET', withQuery(path, query), schema),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => request('POST', path, schema, body ?? {}).then(changed),
  /** A POST with extra headers (an Idempotency-Key, so that a retry is answered, not booked twice). */
  postWith: <S extends z.ZodType>(path: string, schema: S, body: unknown, headers: Record<string, string>) =>
    request('POST', path, schema, body, false, headers).then(changed),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PATCH', path, schema, body).then(changed),
  put: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PUT', path, schema, body).then(changed),
  del: (path: string) => request('DELETE', path, NoAnswer).then(changed),
  upload: <S extends z.ZodType>(path: string, file: File, schema: S) => upload(path, file, schema).then(changed),
  download: (path: string, query: Query, fallbackName: string) => download(withQuery(path, query), fallbackName),
  /** For the session probe at start-up and the login form: a 401 there is an answer, not a redirect. */
  quiet: <S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown) =>
    request(method, path, schema, body, true),
};
