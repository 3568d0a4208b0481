const BASE = '/api/v1';
const CSRF_KEY = 'rapport.csrf';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  retryAt?: string;
  canFollow?: boolean;
  reason?: string;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${problem.status})`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export function rememberCsrfToken(token: string | undefined | null): void {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

function csrfToken(): string | null {
  return sessionStorage.getItem(CSRF_KEY);
}

let onUnauthenticated: () => void = () => {
  window.location.assign('/signin');
};

/** Lets the router replace the full-page redirect with a client-side one. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Sign-in and sign-up answer 401 for wrong credentials; that is not an expired sign-in. */
  redirectOn401?: boolean;
  keepalive?: boolean;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token) headers['X-CSRF-Token'] = token;
  return fetch(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    keepalive: options.keepalive,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json();
    return { ...(typeof body === 'object' && body !== null ? body : {}), status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await fetch(apiUrl('/me'), { credentials: 'same-origin' });
  if (!response.ok) return false;
  const me: unknown = await response.json();
  const token =
    typeof me === 'object' && me !== null && 'csrfToken' in me && typeof me.csrfToken === 'string'
      ? me.csrfToken
      : undefined;
  rememberCsrfToken(token);
  return Boolean(token);
}

export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await send(method, path, options);
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  if (response.status === 403 && method !== 'GET') {
    const problem = await readProblem(response);
    // A token can go missing when the tab was restored; fetch a fresh one and try once more.
    if (problem.code === 'csrf_failed' && (await refreshCsrfToken())) {
      response = await send(method, path, options);
    } else {
      throw new ApiError(problem);
    }
  }
  if (response.status === 401 && options.redirectOn401 !== false) {
    rememberCsrfToken(null);
    onUnauthenticated();
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  const type = response.headers.get('content-type') ?? '';
  const body: unknown =
    response.status !== 204 && type.includes('json') ? await response.json() : undefined;
  // The caller names the reply's type from the API description; the client cannot check it.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return body as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
