/**
 * R36 across processes: one Idempotency-Key sent at the same moment through two `rapport serve`
 * processes on one PostgreSQL database acts once. The key's row in the database is the lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import { elementAt } from '../../src/lib/arrays.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';
import { type Child, freePort, runCli, stopAll, untilReady } from '../jobs/child.js';

describe.skipIf(testDialect() !== 'postgres')('Idempotency-Key through two app processes', () => {
  let throwaway: ThrowawayDatabase;
  let database: Database;
  const children: Child[] = [];
  const servers: string[] = [];

  async function signUp(server: string, handle: string): Promise<string> {
    const response = await fetch(`${server}/api/v1/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `${handle}@example.test`,
        password: 'correct horse battery',
        name: handle,
        handle,
      }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken }: { csrfToken: string } = await response.json();
    const token = await fetch(`${server}/api/v1/me/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'race' }),
    });
    const { token: secret }: { token: string } = await token.json();
    return secret;
  }

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase('postgres');
    database = openDatabase(throwaway.url);
    await migrateToLatest(database.db);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      children.push(
        runCli(['serve'], {
          RAPPORT_DATABASE_URL: throwaway.url,
          RAPPORT_RATE_LIMITS: 'off',
          RAPPORT_LOG_LEVEL: 'warn',
          RAPPORT_SECRET: 'idempotency-race-test-secret-0123456789',
          RAPPORT_JOBS: 'off',
          RAPPORT_PORT: String(port),
        }),
      );
      servers.push(`http://127.0.0.1:${port}`);
    }
    await untilReady(servers, children);
  }, 120_000);

  afterAll(async () => {
    await stopAll(children);
    await database?.close();
    await throwaway?.drop();
  });

  it('R36: the same key sent at once through both servers creates one invitation; the answers are the same 201, or one is 409 idempotency_key_in_use', async () => {
    const server0 = elementAt(servers, 0);
    const server1 = elementAt(servers, 1);
    const sender = await signUp(server0, 'race-sender');
    const recipients = Array.from({ length: 10 }, (_, i) => `race-recipient-${i}`);
    for (const handle of recipients) await signUp(server1, handle);

    const send = async (server: string, to: string) => {
      const response = await fetch(`${server}/api/v1/invitations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sender}`,
          'content-type': 'application/json',
          'idempotency-key': `invite-${to}`,
        },
        body: JSON.stringify({ kind: 'connection', to }),
      });
      const body: Record<string, unknown> = await response.json();
      return { status: response.status, body };
    };

    for (const to of recipients) {
      const answers = await Promise.all([send(server0, to), send(server1, to)]);
      const created = answers.filter((a) => a.status === 201);
      const busy = answers.filter((a) => a.status === 409);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(created.length + busy.length).toBe(2);
      expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
      for (const answer of busy) expect(answer.body.code).toBe('idempotency_key_in_use');

      const rows = await database.db
        .selectFrom('invitations')
        .innerJoin('members', 'members.id', 'invitations.recipient_id')
        .select('invitations.id')
        .where('members.handle', '=', to)
        .execute();
      expect(rows.map((r) => r.id)).toEqual([created[0]!.body.id]);
    }
  }, 120_000);
});
