import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

type Item = { id: string; outcome: string };

/** ann sent ben, cat and dan connection invitations and eve a page invitation 15 days ago, and fay one today. */
async function staleSetup() {
  const [ann, ben, cat, dan, eve, fay] = await signUp(t, 'ann', 'ben', 'cat', 'dan', 'eve', 'fay');
  await connectAll(t, ann, [eve]);
  const page = (await ann.post('/api/v1/pages', { name: 'Acme' })).body;
  const ids: Record<string, string> = {};
  for (const m of [ben, cat, dan]) ids[m.handle] = (await ann.invite(m)).body.id;
  ids[eve.handle] = (
    await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [eve.handle] })
  ).body.results[0].invitationId;
  t.advanceDays(15);
  ids[fay.handle] = (await ann.invite(fay)).body.id;
  return { ann, ben, cat, dan, eve, fay, page, ids };
}

const outcomes = (items: Item[]) => Object.fromEntries(items.map((i) => [i.id, i.outcome]));
const sentIds = async (m: Member) =>
  (await m.get('/api/v1/invitations/sent')).body.items.map((i: { id: string }) => i.id).sort();

describe('stale-invitation clean-up (R18)', () => {
  it('R18: a dry run lists what would go and changes nothing', async () => {
    const { ann, ben, cat, dan, eve, ids } = await staleSetup();
    await ann.put(`/api/v1/invitations/${ids[cat.handle]}/keep`);
    const before = await sentIds(ann);

    const preview = await ann.post('/api/v1/invitations/withdraw', { dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body.dryRun).toBe(true);
    expect(preview.body.count).toBe(3);
    expect(outcomes(preview.body.items)).toEqual({
      [ids[ben.handle]!]: 'would_withdraw',
      [ids[cat.handle]!]: 'kept',
      [ids[dan.handle]!]: 'would_withdraw',
      [ids[eve.handle]!]: 'would_withdraw',
    });
    // The preview shows each invitation as the Sent list does, so it can name who would go.
    const previewed = Object.fromEntries(
      preview.body.items.map((i: { id: string; invitation: { recipient: { handle: string } } }) => [
        i.id,
        i.invitation.recipient.handle,
      ]),
    );
    expect(previewed[ids[ben.handle]!]).toBe(ben.handle);
    expect(previewed[ids[cat.handle]!]).toBe(cat.handle);
    expect(await sentIds(ann)).toEqual(before);
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(1);
    expect((await ben.get('/api/v1/notifications')).body.items).toHaveLength(1);
  });

  it('R15 R18: withdraws the stale ones with every effect, never a kept or excluded one, and says so for each', async () => {
    const { ann, ben, cat, dan, eve, fay, ids } = await staleSetup();
    await ann.put(`/api/v1/invitations/${ids[cat.handle]}/keep`);

    const done = await ann.post('/api/v1/invitations/withdraw', {
      olderThanDays: 14,
      excludeIds: [ids[dan.handle]],
    });
    expect(done.status).toBe(200);
    expect(done.body.count).toBe(2);
    expect(outcomes(done.body.items)).toEqual({
      [ids[ben.handle]!]: 'withdrawn',
      [ids[cat.handle]!]: 'kept',
      [ids[dan.handle]!]: 'excluded',
      [ids[eve.handle]!]: 'withdrawn',
    });
    // After the act, each item is its id and outcome (SPEC §3): the caller already saw the rest.
    for (const item of done.body.items) expect(Object.keys(item).sort()).toEqual(['id', 'outcome']);
    expect(await sentIds(ann)).toEqual([ids[cat.handle], ids[dan.handle], ids[fay.handle]].sort());
    for (const gone of [ben, eve]) {
      expect((await gone.get('/api/v1/invitations/received/count')).body.total).toBe(0);
      expect((await gone.get('/api/v1/notifications')).body.items).toEqual([]);
    }
    expect((await cat.get('/api/v1/invitations/received/count')).body.total).toBe(1);

    // R16 follows a clean-up as any withdrawal.
    const again = await ann.invite(ben);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('resend_cooldown');

    // Withdrawing by id reports what is no longer open.
    const byId = await ann.post('/api/v1/invitations/withdraw', {
      ids: [ids[ben.handle], 'no-such-id', ids[fay.handle]],
    });
    expect(outcomes(byId.body.items)).toEqual({
      [ids[ben.handle]!]: 'not_open',
      'no-such-id': 'not_open',
      [ids[fay.handle]!]: 'withdrawn',
    });
  });

  it('R18: the stale count of Sent and of Insights is what the clean-up would withdraw, kept ones left out', async () => {
    const { ann, cat, ids } = await staleSetup();
    await ann.put(`/api/v1/invitations/${ids[cat.handle]}/keep`);

    const preview = await ann.post('/api/v1/invitations/withdraw', { dryRun: true });
    expect(preview.body.count).toBe(3);
    expect((await ann.get('/api/v1/invitations/sent/count')).body).toMatchObject({
      total: 5,
      keptByKind: { connection: 1, page: 0, event: 0 },
      stale: 3,
    });
    expect((await ann.get('/api/v1/insights')).body.stale).toBe(3);
    // Narrowed like the list: the kept one is among those sent 14 or more days ago.
    const old = await ann.get('/api/v1/invitations/sent/count?olderThanDays=14');
    expect(old.body.keptByKind).toEqual({ connection: 1, page: 0, event: 0 });
    const recent = await ann.get('/api/v1/invitations/sent/count?olderThanDays=0&q=nobody');
    expect(recent.body).toMatchObject({
      total: 0,
      keptByKind: { connection: 0, page: 0, event: 0 },
    });
  });

  it('R18: one kind at a time', async () => {
    const { ann, eve, ids } = await staleSetup();
    const pages = await ann.post('/api/v1/invitations/withdraw', { kind: 'page' });
    expect(outcomes(pages.body.items)).toEqual({ [ids[eve.handle]!]: 'withdrawn' });
    expect((await ann.get('/api/v1/invitations/sent/count')).body.byKind).toMatchObject({
      page: 0,
      connection: 4,
    });
  });

  it("R18: automatic withdrawal takes 1 day up to the instance's expiryDays", async () => {
    const [gus] = await signUp(t, 'gus');
    const limit = t.ctx.config.rules.expiryDays;
    for (const days of [-1, limit + 1]) {
      const refused = await gus.patch('/api/v1/settings', { autoWithdrawAfterDays: days });
      expect(refused.status).toBe(400);
    }
    const longest = await gus.patch('/api/v1/settings', { autoWithdrawAfterDays: limit });
    expect(longest.body.autoWithdrawAfterDays).toBe(limit);

    const longer = await startApp({ RAPPORT_EXPIRY_DAYS: '365' });
    try {
      const [hal] = await signUp(longer, 'hal');
      const year = await hal.patch('/api/v1/settings', { autoWithdrawAfterDays: 300 });
      expect(year.body.autoWithdrawAfterDays).toBe(300);
    } finally {
      await longer.close();
    }
  });

  it('R18: automatic withdrawal after N days spares kept invitations, and a second run does nothing', async () => {
    const { ann, ben, cat, dan, fay, ids } = await staleSetup();
    await ann.put(`/api/v1/invitations/${ids[cat.handle]}/keep`);
    expect((await ann.patch('/api/v1/settings', { autoWithdrawAfterDays: 20 })).status).toBe(200);
    // Someone else's stale invitation is not theirs to withdraw.
    await dan.invite(fay);

    t.advanceDays(4);
    const early = await t.runJobs();
    expect(early.body.results['auto-withdraw']).toEqual({ withdrawn: 0 });

    t.advanceDays(1);
    const first = await t.runJobs();
    expect(first.body.results['auto-withdraw']).toEqual({ withdrawn: 3 });
    expect(await sentIds(ann)).toEqual([ids[cat.handle], ids[fay.handle]].sort());
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(0);
    expect((await fay.get('/api/v1/invitations/received/count')).body.total).toBe(2);
    const second = await t.runJobs();
    expect(second.body.results['auto-withdraw']).toEqual({ withdrawn: 0 });

    const detail = await ann.get(`/api/v1/invitations/${ids[ben.handle]}`);
    expect(detail.body.status).toBe('withdrawn');
    expect((await ann.invite(ben)).body.code).toBe('resend_cooldown');
  });
});
