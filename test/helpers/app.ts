/* eslint-disable @typescript-eslint/no-explicit-any -- replies are JSON that each test checks with assertions; a loose type keeps those checks short. */
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { type AppContext, createContext } from '../../src/context.js';
import type { App } from '../../src/http/types.js';
import type { ManualClock } from '../../src/lib/clock.js';
import { DAY_MS } from '../../src/lib/time.js';
import { createThrowawayDatabase, type TestDialect, testDialect } from './database.js';

/** The prefix of every API path. */
export const API = '/api/v1';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A signed-up member who calls the API with a personal access token. */
export class Member {
  constructor(
    private readonly app: App,
    readonly handle: string,
    readonly email: string,
    readonly token: string,
  ) {}

  request<T = any>(method: string, url: string, payload?: unknown): Promise<Reply<T>> {
    return inject<T>(this.app, method, url, payload, { authorization: `Bearer ${this.token}` });
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, payload?: unknown) {
    return this.request<T>('POST', url, payload);
  }
  put<T = any>(url: string, payload?: unknown) {
    return this.request<T>('PUT', url, payload);
  }
  patch<T = any>(url: string, payload?: unknown) {
    return this.request<T>('PATCH', url, payload);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Sends a connection invitation and returns the reply. */
  invite(to: Member | string, extra: Record<string, unknown> = {}) {
    return this.post('/api/v1/invitations', {
      kind: 'connection',
      to: typeof to === 'string' ? to : to.handle,
      ...extra,
    });
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The HTTP method a test names, as inject takes it. */
export function httpMethod(method: string): (typeof METHODS)[number] {
  const known = METHODS.find((m) => m === method);
  if (!known) throw new Error(`no such method in these tests: ${method}`);
  return known;
}

export async function inject<T = any>(
  app: App,
  method: string,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const response = await app.inject({
    method: httpMethod(method),
    url,
    headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
    payload: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const text = response.body;
  let body: unknown = text;
  if (text && /json/.test(String(response.headers['content-type']))) body = JSON.parse(text);
  // Replies are read as the test names them; the assertions check them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return { status: response.statusCode, body: body as T, headers: response.headers };
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: ManualClock;
  dialect: TestDialect;
  /** Signs a member up through the API (handle = name in lower case) and gives them a token. */
  member(name: string, profile?: Record<string, string>): Promise<Member>;
  advanceDays(days: number): void;
  runJobs(): Promise<Reply>;
  close(): Promise<void>;
}

/** What writing rows straight into a test server's database needs: its context and clock. */
export type Seeding = Pick<TestApp, 'ctx' | 'clock'>;

let counter = 0;

/**
 * The settings of a test server: the clock only tests move, passwords hashed at argon2id's lowest
 * cost, no request rate limits, and members who may invite before verifying their email (the
 * tests of R25 turn that requirement on).
 */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    RAPPORT_DATABASE_URL: databaseUrl,
    RAPPORT_TEST_CLOCK: '1',
    RAPPORT_TEST_FAST_PASSWORDS: '1',
    RAPPORT_RATE_LIMITS: 'off',
    RAPPORT_REQUIRE_VERIFIED_EMAIL: 'off',
    ...env,
  });
}

/** Every test member's password. */
export const PASSWORD = 'correct horse battery';

/** One JSON request to the API and its reply, over whichever transport a test uses. */
export type Send = (
  method: string,
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply>;

/** Signs a member up through the API (password PASSWORD) and returns a personal access token. */
export async function signUpWithToken(
  send: Send,
  profile: { email: string; name: string; handle: string } & Record<string, string>,
  tokenName: string,
): Promise<string> {
  const signUp = await send('POST', `${API}/members`, { password: PASSWORD, ...profile });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(signUp.body)}`);
  const cookie = [signUp.headers['set-cookie'] ?? []]
    .flat()
    .map((c) => String(c).split(';')[0])
    .join('; ');
  const token = await send(
    'POST',
    `${API}/me/tokens`,
    { name: tokenName },
    { cookie, 'x-csrf-token': signUp.body.csrfToken },
  );
  if (token.status !== 201) throw new Error(`token failed: ${JSON.stringify(token.body)}`);
  return token.body.token;
}

/**
 * The real app on a throwaway database of this run's dialect, with the test clock and no
 * request rate limits. `env` adds or overrides RAPPORT_* variables (rule numbers and the like).
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dialect = testDialect();
  const database = await createThrowawayDatabase(dialect);
  const config = testConfig(database.url, { RAPPORT_LOG_LEVEL: 'silent', ...env });
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  await app.ready();
  const clock = ctx.manualClock;
  if (!clock) throw new Error('test apps run on the manual clock');
  clock.set(new Date('2026-03-02T09:00:00.000Z'));

  return {
    app,
    ctx,
    clock,
    dialect,
    async member(name, profile = {}) {
      const handle = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++counter}`;
      const email = `${handle}@example.test`;
      const send: Send = (method, url, payload, headers) =>
        inject(app, method, url, payload, headers);
      const token = await signUpWithToken(
        send,
        { email, name: name[0]!.toUpperCase() + name.slice(1), handle, ...profile },
        'tests',
      );
      return new Member(app, handle, email, token);
    },
    advanceDays(days) {
      clock.advance(days * DAY_MS);
    },
    runJobs: () => inject(app, 'POST', '/api/v1/test/jobs/run'),
    async close() {
      await app.close();
      await ctx.close();
      await database.drop();
    },
  };
}
