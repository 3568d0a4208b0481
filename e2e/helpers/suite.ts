import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Seeding } from '../../test/helpers/app.js';
import { Api, type Member } from './api.js';
import { launchBrowser, signedIn, type SignedIn, type SignInOptions } from './browser.js';
import { startServer, type TestServer } from './server.js';

export interface Suite {
  /** The server's HTTP API, to set state up. */
  readonly api: Api;
  /** Chromium, for a browser context that is not signed in. */
  readonly browser: Browser;
  /** The server's database, for commands run beside it. */
  readonly databaseUrl: string;
  /** The server's context and clock, to write thousands of rows at once. */
  readonly seeding: Seeding;
  /** A browser context signed in as `member`. */
  signIn(member: Member, options?: SignInOptions): Promise<SignedIn>;
}

/**
 * The server (on a fresh SQLite file, with `env` added to its settings) and Chromium for the
 * `describe` this is called in: started before its tests, closed after them. Its parts are
 * there from the suite's own `beforeAll` on, which runs after this one.
 */
export function setupSuite(env: Record<string, string> = {}): Suite {
  let server: TestServer | undefined;
  let api: Api | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer(env);
    api = new Api(server.baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function started<T>(part: T | undefined): T {
    if (part === undefined)
      throw new Error('The suite starts in beforeAll: use it in hooks and tests.');
    return part;
  }

  return {
    get api() {
      return started(api);
    },
    get browser() {
      return started(browser);
    },
    get databaseUrl() {
      return started(server).databaseUrl;
    },
    get seeding() {
      return started(server).seeding;
    },
    signIn: (member, options) => signedIn(started(browser), started(api), member, options),
  };
}
