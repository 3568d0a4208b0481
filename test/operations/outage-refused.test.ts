/**
 * R34 on PostgreSQL when the server is up but will not serve Rapport's database: an operator
 * locks it (ALLOW_CONNECTIONS false) or renames it while the app runs. Every API request answers
 * 503 service_unavailable with Retry-After, as when the server is unreachable, never 500; the
 * app serves again once the database is back.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPoolSize } from '../../src/db/database.js';
import { API, type Member, startApp, type TestApp } from '../helpers/app.js';
import { PG_ADMIN_URL, testDialect } from '../helpers/database.js';

const onPostgres = testDialect() === 'postgres';

let t: TestApp;
let ann: Member;
let admin: pg.Client;
let name: string;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await startApp();
  ann = await t.member('ann');
  name = new URL(t.ctx.config.databaseUrl).pathname.slice(1);
  admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
});
afterAll(async () => {
  if (!onPostgres) return;
  await admin.end();
  await t.close();
});

/** Ends every session of the app's database, so that its pool must connect again. */
const REQUESTS = [
  ['GET', `${API}/me`],
  ['GET', `${API}/instance`],
  ['POST', `${API}/invitations`],
] as const;

async function endSessions(database: string): Promise<void> {
  await admin.query(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
}

/**
 * Asks more often than the pool has connections: the first answers come from connections the
 * server ended, the later ones from new connections the server refuses.
 */
async function expectUnavailable(): Promise<void> {
  const requests = [];
  for (let round = 0; round < defaultPoolSize(); round++) requests.push(...REQUESTS);
  for (const [method, url] of requests) {
    const reply = await ann.request(
      method,
      url,
      method === 'POST' ? { kind: 'connection' } : undefined,
    );
    expect(reply.status, `${method} ${url}: ${JSON.stringify(reply.body)}`).toBe(503);
    expect(reply.body.code).toBe('service_unavailable');
    expect(reply.headers['retry-after']).toBe('5');
  }
}

describe.skipIf(!onPostgres)('the database refuses the app (PostgreSQL)', () => {
  it('R34: a database that takes no connections answers 503 with Retry-After, then serves again', async () => {
    await admin.query(`alter database ${name} allow_connections false`);
    try {
      await endSessions(name);
      await expectUnavailable();
    } finally {
      await admin.query(`alter database ${name} allow_connections true`);
    }
    expect((await ann.get(`${API}/me`)).status).toBe(200);
  });

  it('R34: a database renamed away answers 503 with Retry-After, then serves again', async () => {
    await endSessions(name);
    await admin.query(`alter database ${name} rename to ${name}_away`);
    try {
      await expectUnavailable();
    } finally {
      await endSessions(`${name}_away`);
      await admin.query(`alter database ${name}_away rename to ${name}`);
    }
    expect((await ann.get(`${API}/me`)).status).toBe(200);
  });
});
