import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { memberRow, seedMembers, signUp } from '../helpers/members.js';
import { seedInvitationsBulk } from '../helpers/network.js';
import { elementAt } from '../../src/lib/arrays.js';
import { withdrawStale } from '../../src/modules/invitations/invitation.cleanup.js';

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

  it('R18: 10,000 invitations chosen by id, half of them excluded, are withdrawn in one request', async () => {
    const [fay] = await signUp(t, 'fay');
    const sender = await memberRow(t, fay);
    const rows = await seedInvitationsBulk(t, sender, await seedMembers(t, COUNT));
    const ids = rows.map((r) => r.id);
    const excluded = ids.filter((_, i) => i % 2 === 0);
    t.advanceDays(1);

    const reply = await fay.post('/api/v1/invitations/withdraw', { ids, excludeIds: excluded });

    expect(reply.status).toBe(200);
    expect(reply.body.count).toBe(COUNT / 2);
    const outcomes = new Map<string, string>(
      reply.body.items.map((i: { id: string; outcome: string }) => [i.id, i.outcome]),
    );
    expect(outcomes.size).toBe(COUNT);
    ids.forEach((id, i) => expect(outcomes.get(id)).toBe(i % 2 === 0 ? 'excluded' : 'withdrawn'));
    expect((await fay.get('/api/v1/invitations/sent/count')).body.total).toBe(COUNT / 2);
  });

  /**
   * Makes the database refuse to change invitation `id`, as a full disk or a broken file would,
   * in the middle of a statement that changes many: SQLite keeps the rows that statement changed
   * before it (FAIL), so only the request's rollback can undo them. Answers the undoing.
   */
  async function refuseChangesTo(id: string): Promise<() => Promise<void>> {
    const db = t.ctx.database.db;
    if (t.dialect === 'sqlite') {
      await sql
        .raw(
          `create trigger refuse_one before update on invitations when old.id = '${id}'
            begin select raise(fail, 'refused'); end`,
        )
        .execute(db);
      return async () => void (await sql`drop trigger refuse_one`.execute(db));
    }
    await sql`create function refuse_one() returns trigger language plpgsql
      as $$ begin raise exception 'refused'; end $$`.execute(db);
    await sql
      .raw(
        `create trigger refuse_one before update on invitations for each row
          when (old.id = '${id}') execute function refuse_one()`,
      )
      .execute(db);
    return async () => {
      await sql`drop trigger refuse_one on invitations`.execute(db);
      await sql`drop function refuse_one`.execute(db);
    };
  }

  it('R18: a clean-up that fails part-way withdraws nothing, and the next one withdraws all', async () => {
    const [gus] = await signUp(t, 'gus');
    const sender = await memberRow(t, gus);
    const rows = await seedInvitationsBulk(t, sender, await seedMembers(t, 40));
    const undo = await refuseChangesTo(elementAt(rows, 20).id);
    t.advanceDays(15);
    try {
      const reply = await gus.post('/api/v1/invitations/withdraw', { olderThanDays: 14 });
      expect(reply.status).toBe(500);
      expect(reply.body.code).toBe('internal_error');
    } finally {
      await undo();
    }

    expect((await gus.get('/api/v1/invitations/sent/count')).body.total).toBe(40);
    const notified = await t.ctx.database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_id', '=', sender.id)
      .executeTakeFirstOrThrow();
    expect(Number(notified.n)).toBe(40);
    const again = await gus.post('/api/v1/invitations/withdraw', { olderThanDays: 14 });
    expect(again.body.count).toBe(40);
    expect((await gus.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
  });

  it('R18: a clean-up of invitations sent over time withdraws each chosen one once, sparing kept and excluded ones in every part, with progress', async () => {
    const [eve] = await signUp(t, 'eve');
    const sender = await memberRow(t, eve);
    // Groups of invitations sent at the same instant, one group straddling each 500th candidate.
    const sizes = [300, 400, 650, 90];
    const recipients = await seedMembers(
      t,
      sizes.reduce((n, k) => n + k, 0),
    );
    const groups: string[][] = [];
    let next = 0;
    for (const size of sizes) {
      const rows = await seedInvitationsBulk(t, sender, recipients.slice(next, next + size));
      groups.push(rows.map((r) => r.id));
      next += size;
      t.clock.advance(60_000);
    }
    const kept = groups.map((g) => elementAt(g, 1));
    const excluded = groups.map((g) => elementAt(g, 2));
    for (const id of kept)
      expect((await eve.put(`/api/v1/invitations/${id}/keep`)).status).toBe(200);

    t.advanceDays(15);
    const progress: [number, number][] = [];
    const total = next;
    const result = await withdrawStale(
      { database: t.ctx.database, clock: t.clock, rules: t.ctx.config.rules },
      sender.id,
      { olderThanDays: 14, excludeIds: excluded },
      'cleanup',
      (done, of) => progress.push([done, of]),
    );

    const outcomes = new Map(result.items.map((i) => [i.id, i.outcome]));
    expect(result.items).toHaveLength(total);
    expect(outcomes.size).toBe(total);
    expect(result.count).toBe(total - kept.length - excluded.length);
    for (const id of kept) expect(outcomes.get(id)).toBe('kept');
    for (const id of excluded) expect(outcomes.get(id)).toBe('excluded');
    const open = await t.ctx.database.db
      .selectFrom('invitations')
      .select('id')
      .where('sender_id', '=', sender.id)
      .where('status', '=', 'pending')
      .execute();
    expect(open.map((r) => r.id).sort()).toEqual([...kept, ...excluded].sort());
    // Parts end where the sent time changes: after the first two groups (700), then the third.
    expect(progress).toEqual([
      [700, total],
      [1350, total],
      [total, total],
    ]);
  });
});
