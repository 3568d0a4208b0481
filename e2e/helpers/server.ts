import { existsSync } from 'node:fs';
import { buildApp } from '../../src/app.js';
import { createContext } from '../../src/context.js';
import { type Seeding, testConfig } from '../../test/helpers/app.js';
import { createThrowawayDatabase } from '../../test/helpers/database.js';

export interface TestServer {
  baseUrl: string;
  /** For commands run beside the server, such as `rapport admin grant`. */
  databaseUrl: string;
  /** For tests that need thousands of rows, written straight into the database. */
  seeding: Seeding;
  close(): Promise<void>;
}

const WEB_INDEX = new URL('../../dist/web/index.html', import.meta.url);

/**
 * The real server in-process, on a fresh SQLite file, with the clock that only tests move.
 * `env` adds settings such as a lower limit, so a test can reach it in a few steps.
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error('dist/web is missing: run `npx vite build` before the end-to-end tests.');
  }
  const database = await createThrowawayDatabase('sqlite');
  // Warnings and errors still reach the test output; the start-up line of every server does not.
  const config = testConfig(database.url, { RAPPORT_LOG_LEVEL: 'warn', ...env });
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const clock = ctx.manualClock;
  if (!clock) throw new Error('e2e servers run on the manual clock');
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    databaseUrl: config.databaseUrl,
    seeding: { ctx, clock },
    async close() {
      await app.close();
      await ctx.close();
      await database.drop();
    },
  };
}
