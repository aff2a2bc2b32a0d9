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

async function request<T>(method: string, path: string, body?: unknown, quiet401 = false): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale(), Accept: 'application/json' };
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
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = toApiError(response.status, parsed);
    if (response.status === 401 && !quiet401) onUnauthenticated();
    throw error;
  }
  return parsed as T;
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

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: (path: string) => request<undefined>('DELETE', path),
  /** For the session probe at start-up and the login form: a 401 there is an answer, not a redirect. */
  quiet: <T>(method: 'GET' | 'POST', path: string, body?: unknown) => request<T>(method, path, body, true),
};
