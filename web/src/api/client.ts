import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

const CSRF_KEY = 'rapport.csrf';

/** Problem details as the server sends them; `status` 0 with `network_error` when none came. */
export type Problem = Partial<components['schemas']['Problem']> & { status: number };

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

let onUnauthenticated: () => void = () => {
  window.location.assign('/signin');
};

/** Lets the router replace the full-page redirect with a client-side one. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** The typed client over the generated description; paths are the server's, /api/v1 included. */
export const api = createClient<paths>({ credentials: 'same-origin' });

api.use({
  onRequest({ request }) {
    const token = sessionStorage.getItem(CSRF_KEY);
    if (request.method !== 'GET' && token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
});

export interface CallOptions {
  /** Sign-in and sign-up answer 401 for wrong credentials; that is not an expired sign-in. */
  redirectOn401?: boolean;
}

interface Outcome<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

function problemOf(outcome: Outcome<unknown>): Problem {
  const { error, response } = outcome;
  if (error !== null && typeof error === 'object') return { ...error, status: response.status };
  return { status: response.status, title: response.statusText };
}

async function refreshCsrfToken(): Promise<boolean> {
  const { data } = await api.GET('/api/v1/me');
  rememberCsrfToken(data?.csrfToken);
  return Boolean(data?.csrfToken);
}

/**
 * Runs one typed request and answers its data, or throws an ApiError with the problem details.
 * `send` may run twice: once more with a fresh CSRF token when the stored one went missing.
 */
export async function call<D>(
  send: () => Promise<Outcome<D>>,
  options: CallOptions = {},
): Promise<D> {
  let outcome: Outcome<D>;
  try {
    outcome = await send();
    // A token can go missing when the tab was restored; fetch a fresh one and try once more.
    if (problemOf(outcome).code === 'csrf_failed' && (await refreshCsrfToken())) {
      outcome = await send();
    }
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  const { response } = outcome;
  if (response.status === 401 && options.redirectOn401 !== false) {
    rememberCsrfToken(null);
    onUnauthenticated();
  }
  if (!response.ok) throw new ApiError(problemOf(outcome));
  // openapi-fetch types data as optional for every answer; a successful one carries D.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return outcome.data as D;
}
