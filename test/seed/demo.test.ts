import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.js';
import { API, inject, startApp, type TestApp } from '../helpers/app.js';
import { createThrowawayDatabase } from '../helpers/database.js';
import { runCli, servingUrl, stopAll } from '../jobs/child.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ RAPPORT_REQUIRE_VERIFIED_EMAIL: 'on' });
});
afterAll(async () => {
  await t.close();
});

/** Limits far below what the demo network would use if it could. */
const SMALL_LIMITS = {
  RAPPORT_WEEKLY_INVITATION_LIMIT: '3',
  RAPPORT_MAX_OPEN_SENT: '4',
  RAPPORT_MAX_CONNECTIONS: '10',
  RAPPORT_NOTE_MAX_LENGTH: '20',
  RAPPORT_PAGE_CREDITS_PER_MONTH: '1',
  RAPPORT_EVENT_WEEKLY_INVITATION_LIMIT: '1',
};

describe('demo data', () => {
  it('R25: demo members are verified, so they can invite at once', async () => {
    expect(await seedDemo(t.ctx.database, t.ctx.config, t.clock.now())).toBe(true);
    const unverified = await t.ctx.database.db
      .selectFrom('members')
      .select('handle')
      .where('email_verified_at', 'is', null)
      .execute();
    expect(unverified).toEqual([]);
    const signIn = await inject(t.app, 'POST', `${API}/session`, {
      email: 'alice@example.com',
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.member.emailVerified).toBe(true);
  });

  it('R4 R5 R6 R7 R21 R22: under small limits the demo loads what they allow and leaves out what they refuse', async () => {
    const small = await startApp(SMALL_LIMITS);
    try {
      expect(await seedDemo(small.ctx.database, small.ctx.config, small.clock.now())).toBe(true);
      const db = small.ctx.database.db;
      const members = await db.selectFrom('members').select('connection_count').execute();
      expect(members.length).toBeGreaterThan(30);
      expect(Math.max(...members.map((m) => m.connection_count))).toBe(10);
      const invitations = await db
        .selectFrom('invitations')
        .select(['kind', 'sender_id', 'target_id', 'note', 'status'])
        .execute();
      expect(invitations.filter((i) => i.kind === 'connection').length).toBeGreaterThan(0);
      // Each page had one credit to spend, and each event one invitation a week.
      const perTarget = new Map<string, number>();
      for (const i of invitations.filter((i) => i.kind !== 'connection')) {
        perTarget.set(i.target_id, (perTarget.get(i.target_id) ?? 0) + 1);
      }
      expect([...perTarget.values()]).toEqual([1, 1, 1, 1]);
      for (const invitation of invitations) {
        expect((invitation.note ?? '').length).toBeLessThanOrEqual(20);
      }
      const open = new Map<string, number>();
      for (const i of invitations.filter((i) => i.status === 'pending')) {
        open.set(i.sender_id, (open.get(i.sender_id) ?? 0) + 1);
      }
      expect(Math.max(...open.values())).toBeLessThanOrEqual(4);
    } finally {
      await small.close();
    }
  });

  it('§6: the server starts with demo data under small limits and prints the demo sign-ins', async () => {
    const database = await createThrowawayDatabase();
    const server = runCli(['serve'], {
      ...SMALL_LIMITS,
      RAPPORT_DATABASE_URL: database.url,
      RAPPORT_DEMO_DATA: '1',
      RAPPORT_PORT: '0',
      RAPPORT_LOG_LEVEL: 'error',
      RAPPORT_JOBS: 'off',
    });
    try {
      const url = await servingUrl(server);
      expect(url, server.output()).not.toBe('');
      expect(server.output()).toContain('Demo sign-ins');
      const signIn = await fetch(`${url}${API}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'alice@example.com', password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await stopAll([server]);
      await database.drop();
    }
  });
});
