// One way to talk to the platform: same origin, bearer token in the header (never cookies), the standard envelope
// unwrapped, and errors raised as ApiError with the envelope's code and field messages.

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

export interface Paged<T> {
  items: T[];
  pagination: Pagination;
}

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation messages by field, keyed in camelCase like the request body. */
  get fieldErrors(): FieldErrors {
    const details = this.details;
    if (!details || typeof details !== 'object' || Array.isArray(details)) return {};
    const errors: FieldErrors = {};
    for (const [field, messages] of Object.entries(details as Record<string, unknown>)) {
      const list = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : typeof messages === 'string' ? [messages] : [];
      if (list.length > 0) errors[camelCase(field)] = list;
    }
    return errors;
  }

  /** The request never got an answer (offline, connection reset): safe to retry only when the request is idempotent. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

function camelCase(field: string): string {
  return field.length === 0 ? field : field[0]!.toLowerCase() + field.slice(1);
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Leave the Authorization header off even when signed in (guest flows, public pages). */
  anonymous?: boolean;
}

/** What auth plugs in: the current access token, and a refresh to try once when the API says 401. */
export interface TokenSource {
  accessToken(): Promise<string | null>;
  refreshAfterUnauthorized(): Promise<boolean>;
}

let tokens: TokenSource | null = null;

export function setTokenSource(source: TokenSource | null): void {
  tokens = source;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

interface Envelope {
  success?: boolean;
  data?: unknown;
  pagination?: Pagination;
  error?: { code?: string; message?: string; details?: unknown };
}

async function send(method: string, path: string, body: unknown, options: RequestOptions, retried = false): Promise<Envelope> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.anonymous || !tokens ? null : await tokens.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      credentials: 'omit',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'The connection failed. Check your network and try again.');
  }

  if (response.status === 401 && token && !retried && tokens) {
    // A fresh token if the session can still be renewed; otherwise ask again as nobody, because the gateway refuses
    // a stale token even on public routes, and a donor whose session lapsed must still see campaigns.
    const renewed = await tokens.refreshAfterUnauthorized();
    return send(method, path, body, renewed ? options : { ...options, anonymous: true }, true);
  }

  const envelope = await readEnvelope(response);
  if (!response.ok || envelope.success === false) {
    const error = envelope.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message ?? (response.statusText || 'The request failed.'),
      error.details,
    );
  }
  return envelope;
}

async function readEnvelope(response: Response): Promise<Envelope> {
  if (response.status === 204) return {};
  const text = await response.text();
  if (!text) return {};
  try {
    return JSON.parse(text) as Envelope;
  } catch {
    return { success: false, error: { code: `HTTP_${response.status}`, message: 'The server answered in an unexpected format.' } };
  }
}

export const api = {
  async get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await send('GET', path, undefined, options)).data as T;
  },
  async page<T>(path: string, options: RequestOptions = {}): Promise<Paged<T>> {
    const envelope = await send('GET', path, undefined, options);
    const items = (envelope.data as T[] | undefined) ?? [];
    return { items, pagination: envelope.pagination ?? { page: 1, limit: items.length, total: items.length, totalPages: 1 } };
  },
  async post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return (await send('POST', path, body ?? {}, options)).data as T;
  },
  async put<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return (await send('PUT', path, body, options)).data as T;
  },
  async patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return (await send('PATCH', path, body, options)).data as T;
  },
  async delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await send('DELETE', path, undefined, options)).data as T;
  },
};
