import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { memberId, signUp } from '../helpers/members.js';
import { connectionCounts, invitationStatus, pairState } from '../helpers/network.js';
import { senderView } from '../helpers/sender-view.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

async function invites(sender: Member, recipient: Member): Promise<string> {
  const sent = await sender.invite(recipient);
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return sent.body.id;
}

const ignore = (member: Member, id: string, reason?: 'dont_know') =>
  member.post(`/api/v1/invitations/${id}/ignore`, reason ? { reason } : undefined);

describe('accepting an ignored invitation (R38)', () => {
  it('R38: the recipient accepts an ignored invitation; its sender sees an ordinary accept', async () => {
    // Two senders in the same position: one recipient ignores first, the other does not.
    const [s1, r1, s2, r2] = await Promise.all([
      t.member('sender'),
      t.member('recipient'),
      t.member('sender'),
      t.member('recipient'),
    ]);
    const ignored = await invites(s1, r1);
    const plain = await invites(s2, r2);
    t.advanceDays(2);
    expect((await ignore(r1, ignored, 'dont_know')).status).toBe(204);
    const listed = (await r1.get('/api/v1/invitations/received?status=ignored')).body.items;
    expect(listed.map((i: { id: string }) => i.id)).toEqual([ignored]);
    t.advanceDays(3);

    const accepted = await r1.post(`/api/v1/invitations/${ignored}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.invitation).toMatchObject({ status: 'accepted', viewerRole: 'recipient' });
    expect((await r2.post(`/api/v1/invitations/${plain}/accept`)).status).toBe(200);

    expect(await senderView(s1, r1, ignored)).toEqual(await senderView(s2, r2, plain));
    const notes = (await s1.get('/api/v1/notifications')).body.items;
    expect(notes.map((n: { type: string }) => n.type)).toEqual(['invitation_accepted']);
    expect(await pairState(t, s1, r1)).toEqual({
      aToB: true,
      bToA: true,
      aFollowsB: true,
      bFollowsA: true,
    });
    expect(await connectionCounts(t, r1)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
    expect((await r1.get('/api/v1/invitations/received?status=ignored')).body.items).toEqual([]);
    // An accept takes back the "I don't know this person" that came before it (R9).
    const row = await t.ctx.database.db
      .selectFrom('invitations')
      .select('ignore_reason')
      .where('id', '=', ignored)
      .executeTakeFirstOrThrow();
    expect(row.ignore_reason).toBeNull();
  });

  it("R38 R11: the recipient's history keeps their ignore before the accept; the sender's never shows it", async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sentAt = t.clock.now().toISOString();
    const id = await invites(ann, ben);
    t.advanceDays(2);
    const ignoredAt = t.clock.now().toISOString();
    expect((await ignore(ben, id, 'dont_know')).status).toBe(204);
    t.advanceDays(3);
    const acceptedAt = t.clock.now().toISOString();
    const accepted = await ben.post(`/api/v1/invitations/${id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    const recipientHistory = [
      { type: 'sent', at: sentAt },
      { type: 'ignored', at: ignoredAt },
      { type: 'accepted', at: acceptedAt },
    ];
    expect(accepted.body.invitation.history).toEqual(recipientHistory);
    expect((await ben.get(`/api/v1/invitations/${id}`)).body.history).toEqual(recipientHistory);
    expect((await ann.get(`/api/v1/invitations/${id}`)).body.history).toEqual([
      { type: 'sent', at: sentAt },
      { type: 'accepted', at: acceptedAt },
    ]);
  });

  it('R38 R13 R15: an ignored invitation withdrawn or past its expiry is gone for its recipient', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    const withdrawn = await invites(ann, ben);
    const expiring = await invites(cat, ben);
    await ignore(ben, withdrawn);
    await ignore(ben, expiring);
    expect((await ann.post(`/api/v1/invitations/${withdrawn}/withdraw`)).status).toBe(200);
    t.advanceDays(t.ctx.config.rules.expiryDays + 1);
    for (const id of [withdrawn, expiring]) {
      expectProblem(
        await ben.post(`/api/v1/invitations/${id}/accept`),
        404,
        'invitation_not_found',
      );
    }
    expect((await ben.get('/api/v1/invitations/received?status=ignored')).body.items).toEqual([]);
    expect(await pairState(t, ann, ben)).toMatchObject({ aToB: false, bToA: false });
    for (const id of [withdrawn, expiring]) {
      expectProblem(await ben.get(`/api/v1/invitations/${id}`), 404, 'invitation_not_found');
    }
    // Their senders see a withdrawal and an expiry, and never the ignore before it (R11).
    const history = async (sender: Member, id: string) =>
      (await sender.get(`/api/v1/invitations/${id}`)).body.history.map(
        (h: { type: string }) => h.type,
      );
    expect(await history(ann, withdrawn)).toEqual(['sent', 'withdrawn']);
    expect(await history(cat, expiring)).toEqual(['sent', 'expired']);
  });
});

describe('answering many invitations at once (R39)', () => {
  it('R39: a mixed batch answers each invitation on its own and tells nothing more', async () => {
    const [ben, a, b, c, d, e, f, g] = await signUp(t, 'ben', 'a', 'b', 'c', 'd', 'e', 'f', 'g');
    const pending = await invites(a, ben);
    const ignoredOne = await invites(b, ben);
    await ignore(ben, ignoredOne);
    const acceptedOne = await invites(c, ben);
    expect((await ben.post(`/api/v1/invitations/${acceptedOne}/accept`)).status).toBe(200);
    const withdrawn = await invites(d, ben);
    await d.post(`/api/v1/invitations/${withdrawn}/withdraw`);
    const bensOwn = await invites(ben, e);
    const strangers = await invites(f, e);
    const atLimit = await invites(g, ben);
    // g has as many connections as anyone may have: accepting g is refused, with its reason.
    await t.ctx.database.db
      .updateTable('members')
      .set({ connection_count: t.ctx.config.rules.maxConnections })
      .where('id', '=', await memberId(t, g))
      .execute();

    const ids = [pending, ignoredOne, acceptedOne, withdrawn, bensOwn, strangers, 'no-such-id'];
    const reply = await ben.post('/api/v1/invitations/respond', {
      ids: [...ids, atLimit, pending],
      action: 'accept',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.items).toEqual([
      { id: pending, outcome: 'accepted' },
      { id: ignoredOne, outcome: 'accepted' },
      { id: acceptedOne, outcome: 'not_open' },
      { id: withdrawn, outcome: 'not_open' },
      { id: bensOwn, outcome: 'not_open' },
      { id: strangers, outcome: 'not_open' },
      { id: 'no-such-id', outcome: 'not_open' },
      { id: atLimit, outcome: 'refused', code: 'connection_limit_reached' },
    ]);
    // Each answer stood on its own: the refusal undid none of the accepts before it.
    expect(await connectionCounts(t, ben)).toEqual({ stored: 3, rows: 3, reverseRows: 3 });
    expect(await invitationStatus(t, atLimit)).toBe('pending');
    expect(await invitationStatus(t, bensOwn)).toBe('pending');
    expect(await invitationStatus(t, strangers)).toBe('pending');
  });

  it('R39 R11: a batch ignore is silent, carries its reason, and skips what is not open', async () => {
    const [ben, a, b] = await Promise.all([t.member('ben'), t.member('a'), t.member('b')]);
    const fromA = await invites(a, ben);
    const fromB = await invites(b, ben);
    await ignore(ben, fromB);
    const reply = await ben.post('/api/v1/invitations/respond', {
      ids: [fromA, fromB],
      action: 'ignore',
      reason: 'dont_know',
    });
    expect(reply.body).toEqual({
      items: [
        { id: fromA, outcome: 'ignored' },
        { id: fromB, outcome: 'not_open' },
      ],
    });
    const ignored = (await ben.get('/api/v1/invitations/received?status=ignored')).body.items;
    expect(ignored.map((i: { id: string }) => i.id).sort()).toEqual([fromA, fromB].sort());
    const row = await t.ctx.database.db
      .selectFrom('invitations')
      .select('ignore_reason')
      .where('id', '=', fromA)
      .executeTakeFirstOrThrow();
    expect(row.ignore_reason).toBe('dont_know');
    const seenByA = (await a.get(`/api/v1/invitations/${fromA}`)).body;
    expect(seenByA.status).toBe('pending');
    expect((await a.get('/api/v1/notifications')).body.items).toEqual([]);
  });

  it('R39: bad batches answer 400 validation_failed and change nothing', async () => {
    const [ben, a] = await Promise.all([t.member('ben'), t.member('a')]);
    const id = await invites(a, ben);
    const many = Array.from({ length: 101 }, (_, i) => (i === 0 ? id : `x${i}`));
    for (const body of [
      { ids: [], action: 'accept' },
      { ids: many, action: 'accept' },
      { ids: [id], action: 'withdraw' },
      { ids: [id] },
      { ids: [id], action: 'accept', reason: 'dont_know' },
      { ids: [id], action: 'ignore', reason: 'other' },
      { ids: [id], action: 'accept', extra: true },
      { ids: [''], action: 'accept' },
    ]) {
      expectProblem(await ben.post('/api/v1/invitations/respond', body), 400, 'validation_failed');
    }
    expect(await invitationStatus(t, id)).toBe('pending');
  });
});
