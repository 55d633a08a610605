/** The one HTTP client of the web app: JSON, session cookie, CSRF header, typed errors (SPEC §4). */

const API_BASE = '/api/v1';
const CSRF_COOKIE = 'qd_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export type ErrorPayload = { code: string; message: string; details?: unknown };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Someone else changed the thing since it was loaded (409 body version, 412 If-Match). */
  get isStale(): boolean {
    return this.code === 'STALE_VERSION' || this.code === 'PRECONDITION_FAILED';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type Query = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** The version the caller holds, sent as `If-Match` (for DELETE, which has no body). */
  ifMatch?: number;
  signal?: AbortSignal;
};

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function urlOf(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function errorOf(response: Response, path: string): Promise<ApiError> {
  let payload: ErrorPayload | null = null;
  try {
    const body = (await response.json()) as { error?: ErrorPayload };
    payload = body.error ?? null;
  } catch {
    payload = null;
  }
  return new ApiError(
    response.status,
    payload?.code ?? (response.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR'),
    payload?.message ?? response.statusText,
    payload?.details,
    path,
  );
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached.', null, path);
  }
  if (!response.ok) throw await errorOf(response, path);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string, ifMatch?: number) => request<void>('DELETE', path, { ifMatch }),
};

export type Page<T> = { items: T[]; nextCursor: string | null };
