import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { memberRow, seedMembers, signUp } from '../helpers/members.js';
import { seedInvitationsBulk } from '../helpers/network.js';

const COUNT = 10_000;

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ RAPPORT_MAX_OPEN_SENT: '20000' });
});
afterAll(async () => {
  await t.close();
});

describe('clean-up at scale (R18)', () => {
  it('R15 R18: one request withdraws 10,000 stale invitations with every effect on their recipients', async () => {
    const [ann, ben, cat, dan] = await signUp(t, 'ann', 'ben', 'cat', 'dan');
    const apiRecipients = [ben, cat, dan];
    const recipients = [
      ...(await Promise.all(apiRecipients.map((m) => memberRow(t, m)))),
      ...(await seedMembers(t, COUNT - apiRecipients.length)),
    ];
    const sender = await memberRow(t, ann);
    const invitations = await seedInvitationsBulk(t, sender, recipients);
    const ids = invitations.map((i) => i.id);
    expect((await ann.get('/api/v1/invitations/sent/count')).body.total).toBe(COUNT);
    for (const m of apiRecipients)
      expect((await m.get('/api/v1/invitations/received/count')).body.total).toBe(1);

    t.advanceDays(15);
    const started = performance.now();
    const reply = await ann.post('/api/v1/invitations/withdraw', { olderThanDays: 14 });
    const ms = performance.now() - started;
    console.log(
      `[${t.dialect}] POST /invitations/withdraw of ${COUNT} invitations answered in ${ms.toFixed(0)} ms`,
    );

    expect(reply.status).toBe(200);
    expect(reply.body.count).toBe(COUNT);
    expect(reply.body.items).toHaveLength(COUNT);
    expect(reply.body.items.every((i: { outcome: string }) => i.outcome === 'withdrawn')).toBe(
      true,
    );

    // R15 for every recipient: lists, counts, notifications and pending mails are gone.
    const db = t.ctx.database.db;
    const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string }> }) =>
      Number((await query.executeTakeFirstOrThrow()).n);
    const countIn = (table: 'invitations' | 'notifications' | 'outbox') =>
      db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    expect(
      await count(
        countIn('invitations')
          .where('sender_id', '=', sender.id)
          .where('status', '!=', 'withdrawn'),
      ),
    ).toBe(0);
    expect(
      await count(
        countIn('notifications')
          .where('type', '=', 'invitation_received')
          .where('actor_id', '=', sender.id),
      ),
    ).toBe(0);
    expect(
      await count(
        countIn('outbox').where('template', '=', 'invitation').where('status', '=', 'pending'),
      ),
    ).toBe(0);
    expect(await count(countIn('outbox').where('status', '=', 'cancelled'))).toBe(COUNT);
    for (const m of apiRecipients) {
      expect((await m.get('/api/v1/invitations/received')).body.items).toEqual([]);
      expect((await m.get('/api/v1/invitations/received/count')).body.total).toBe(0);
      expect((await m.get('/api/v1/notifications')).body.items).toEqual([]);
    }
    expect((await ben.get(`/api/v1/invitations/${ids[0]}`)).status).toBe(404);
    expect((await ann.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
  });
});
