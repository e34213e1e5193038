import type { Locale, Problem } from './types';

/** An HTTP error carrying the server's RFC 9457 problem, so screens can show its title and detail as written. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from Retry-After, when the server rate-limited us. */
  readonly retryAfter: number | null;
  /** The server's x-request-id: the number to quote to support, which finds the request in logs and audit. */
  readonly requestId: string | null;

  constructor(problem: Problem, retryAfter: number | null, requestId: string | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.requestId = requestId;
  }

  get status(): number {
    return this.problem.status;
  }
}

export interface ApiClientOptions {
  getCsrfToken: () => string | null;
  getLocale: () => Locale;
  /** Called on any 401 so the app can drop the session and show the sign-in page. */
  onUnauthorized: () => void;
}

/** Query values; an array repeats the key (status=new&status=acknowledged), as the server's schema expects. */
export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  del<T>(path: string): Promise<T>;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
  };
  const text = await res.text().catch(() => '');
  if (!text) return fallback;
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { ...fallback, ...parsed, status: parsed.status ?? res.status };
  } catch {
    // A proxy or a crash can answer with HTML; show the status rather than the markup.
    return fallback;
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      // The server localises its problem messages from this header.
      'Accept-Language': options.getLocale(),
    };
    if (method !== 'GET') {
      const csrf = options.getCsrfToken();
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError(
        {
          type: 'network',
          title: 'Network error',
          status: 0,
          detail: err instanceof Error ? err.message : String(err),
        },
        null,
      );
    }

    if (!res.ok) {
      const problem = await readProblem(res);
      if (res.status === 401 && path !== '/api/auth/login') options.onUnauthorized();
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError(
        problem,
        Number.isFinite(retry) && retry > 0 ? retry : null,
        res.headers.get('x-request-id'),
      );
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    get: (path, query) => request('GET', buildUrl(path, query)),
    post: (path, body) => request('POST', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body),
    del: (path) => request('DELETE', path),
  };
}
