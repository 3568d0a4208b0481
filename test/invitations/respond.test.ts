import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { connectionCounts, invitationStatus, pairState } from '../helpers/network.js';
import { masked, senderView } from '../helpers/sender-view.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

/** Ann invites Ben: where most of these tests start. */
async function annInvitesBen() {
  const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
  const sent = await ann.invite(ben);
  return { ann, ben, id: String(sent.body.id) };
}

const ACTIONS = ['accept', 'ignore', 'withdraw'] as const;
type Action = (typeof ACTIONS)[number];

/** `member` takes `action` on invitation `id` and is refused with this status and problem code. */
async function expectRefused(
  member: Member,
  action: Action,
  id: string,
  status: number,
  code: string,
  body?: object,
) {
  expectProblem(await member.post(`/api/v1/invitations/${id}/${action}`, body), status, code);
}

describe('accepting (R10)', () => {
  it('R10: accept creates the connection both ways, mutual follows, and tells the sender', async () => {
    const { ann, ben, id } = await annInvitesBen();
    const accepted = await ben.post(`/api/v1/invitations/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.invitation).toMatchObject({
      id,
      status: 'accepted',
      viewerRole: 'recipient',
      sender: { handle: ann.handle },
      recipient: { handle: ben.handle },
    });
    expect(accepted.body.invitation.history.map((h: { type: string }) => h.type)).toEqual([
      'sent',
      'accepted',
    ]);

    expect(await pairState(t, ann, ben)).toEqual({
      aToB: true,
      bToA: true,
      aFollowsB: true,
      bFollowsA: true,
    });
    expect(await connectionCounts(t, ann)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
    expect(await connectionCounts(t, ben)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });

    const annNotes = (await ann.get('/api/v1/notifications')).body;
    expect(annNotes.items).toEqual([
      expect.objectContaining({
        type: 'invitation_accepted',
        invitationId: id,
        actor: expect.objectContaining({ handle: ben.handle }),
        read: false,
      }),
    ]);
    expect(annNotes.unread).toBe(1);
    const mail = await t.ctx.database.db
      .selectFrom('outbox')
      .select(['template', 'status'])
      .where('invitation_id', '=', id)
      .where('template', '=', 'accepted')
      .execute();
    expect(mail).toEqual([{ template: 'accepted', status: 'pending' }]);

    for (const [me, other] of [
      [ann, ben],
      [ben, ann],
    ] as const) {
      const body = (await me.get('/api/v1/me')).body;
      expect(body.counts).toMatchObject({
        connections: 1,
        followers: 1,
        following: 1,
        received: 0,
        sent: 0,
      });
      const list = (await me.get('/api/v1/connections')).body.items;
      expect(list.map((c: { member: { handle: string } }) => c.member.handle)).toEqual([
        other.handle,
      ]);
    }
    expect((await ann.get(`/api/v1/invitations/${id}`)).body.status).toBe('accepted');
  });
});

/** What the sender sees once they withdraw: the reply, the profile, the CSV export. */
async function senderWithdrawal(sender: Member, recipient: Member, invitationId: string) {
  const responses = {
    withdraw: await sender.post(`/api/v1/invitations/${invitationId}/withdraw`),
    detail: await sender.get(`/api/v1/invitations/${invitationId}`),
    profile: await sender.get(`/api/v1/members/${recipient.handle}`),
    csv: await sender.get('/api/v1/invitations/withdrawn.csv'),
    sentCount: await sender.get('/api/v1/invitations/sent/count'),
    insights: await sender.get('/api/v1/insights'),
    again: await sender.invite(recipient),
  };
  return masked(responses, sender, recipient, invitationId);
}

describe('ignoring is silent (R11)', () => {
  it('R11: to the sender an ignored invitation looks exactly like an unseen one', async () => {
    // Two senders in the same position; one recipient ignores, the other has not looked.
    const [s1, r1, s2, r2] = await Promise.all([
      t.member('sender'),
      t.member('recipient'),
      t.member('sender'),
      t.member('recipient'),
    ]);
    const ignored = await s1.invite(r1, { note: 'Hi', howKnown: 'colleague' });
    const unseen = await s2.invite(r2, { note: 'Hi', howKnown: 'colleague' });
    t.advanceDays(2);
    expect((await r1.post(`/api/v1/invitations/${ignored.body.id}/ignore`)).status).toBe(204);
    t.advanceDays(1);

    const a = await senderView(s1, r1, ignored.body.id);
    const b = await senderView(s2, r2, unseen.body.id);
    expect(a).toEqual(b);

    // And what that view is: pending everywhere, nothing about an ignore.
    expect(a.sent.body.items).toEqual([
      expect.objectContaining({ id: '<invitation>', status: 'pending' }),
    ]);
    expect(a.sentCount.body).toEqual({
      total: 1,
      byKind: { connection: 1, page: 0, event: 0 },
      keptByKind: { connection: 0, page: 0, event: 0 },
      stale: 0,
    });
    expect(a.detail.body.status).toBe('pending');
    expect(a.detail.body.history).toEqual([{ type: 'sent', at: expect.any(String) }]);
    expect(a.profile.body).toMatchObject({
      relationship: 'invitation_sent',
      invitationId: '<invitation>',
      canInvite: { ok: false, code: 'invitation_already_open' },
    });
    expect(a.notifications.body.items).toEqual([]);
    expect(a.again).toMatchObject({ status: 409, body: { code: 'invitation_already_open' } });

    // Withdrawing it afterwards shows no difference either: reply, cooldown, export, figures.
    t.advanceDays(1);
    const wa = await senderWithdrawal(s1, r1, ignored.body.id);
    const wb = await senderWithdrawal(s2, r2, unseen.body.id);
    expect(wa).toEqual(wb);
    expect(wa.withdraw.status).toBe(200);
    expect(wa.again).toMatchObject({ status: 403, body: { code: 'resend_cooldown' } });
    expect(wa.csv.status).toBe(200);
    expect(String(wa.csv.body)).toContain('<recipient>');
  });

  it('R11: an ignore with reason dont_know is just as silent', async () => {
    const [s1, r1, s2, r2] = await Promise.all([
      t.member('sender'),
      t.member('recipient'),
      t.member('sender'),
      t.member('recipient'),
    ]);
    const ignored = await s1.invite(r1);
    const unseen = await s2.invite(r2);
    expect(
      (await r1.post(`/api/v1/invitations/${ignored.body.id}/ignore`, { reason: 'dont_know' }))
        .status,
    ).toBe(204);
    expect(await senderView(s1, r1, ignored.body.id)).toEqual(
      await senderView(s2, r2, unseen.body.id),
    );
  });

  it('R11 R23: the ignored invitation leaves the recipient’s list and count, and tells no one', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    const fromAnn = await ann.invite(ben);
    const fromCat = await cat.invite(ben);
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(2);

    expect((await ben.post(`/api/v1/invitations/${fromAnn.body.id}/ignore`)).status).toBe(204);
    const received = (await ben.get('/api/v1/invitations/received')).body.items;
    expect(received.map((i: { id: string }) => i.id)).toEqual([fromCat.body.id]);
    expect((await ben.get('/api/v1/invitations/received/count')).body).toEqual({
      total: 1,
      byKind: { connection: 1, page: 0, event: 0 },
    });
    expect((await ben.get('/api/v1/me')).body.counts.received).toBe(1);
    // The recipient still sees what they did; the sender has no notification of it.
    expect((await ben.get(`/api/v1/invitations/${fromAnn.body.id}`)).body.status).toBe('ignored');
    expect((await ann.get('/api/v1/notifications')).body.items).toEqual([]);
    expect(await invitationStatus(t, fromAnn.body.id)).toBe('ignored');
    // R38: still open, so the sender's profile offers the recipient its Accept.
    expect((await ben.get(`/api/v1/members/${ann.handle}`)).body).toMatchObject({
      relationship: 'invitation_received',
      invitationId: fromAnn.body.id,
      invitationIgnored: true,
    });
    expect((await ben.post(`/api/v1/invitations/${fromAnn.body.id}/accept`)).status).toBe(200);
  });

  it('R11 R17: an ignored invitation cannot be ignored again by its recipient', async () => {
    const { ben, id } = await annInvitesBen();
    await ben.post(`/api/v1/invitations/${id}/ignore`);
    await expectRefused(ben, 'ignore', id, 409, 'invitation_not_open');
    await expectRefused(ben, 'ignore', id, 400, 'validation_failed', { reason: 'other' });
  });
});

describe('answers to what is no longer open (R17)', () => {
  it('R17: the sender gets 409 invitation_not_open for an accepted invitation', async () => {
    const { ann, ben, id } = await annInvitesBen();
    await ben.post(`/api/v1/invitations/${id}/accept`);
    await expectRefused(ann, 'withdraw', id, 409, 'invitation_not_open');
    expectProblem(await ann.put(`/api/v1/invitations/${id}/keep`), 409, 'invitation_not_open');
    // The recipient too, because an accepted invitation is theirs to see.
    await expectRefused(ben, 'accept', id, 409, 'invitation_not_open');
    await expectRefused(ben, 'ignore', id, 409, 'invitation_not_open');
    expect(await connectionCounts(t, ben)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
  });

  it('R17 R15: the recipient gets 404 invitation_not_found for a withdrawn invitation, whatever the action', async () => {
    const { ann, ben, id } = await annInvitesBen();
    await ann.post(`/api/v1/invitations/${id}/withdraw`);
    for (const action of ACTIONS) {
      await expectRefused(ben, action, id, 404, 'invitation_not_found');
    }
    expectProblem(await ben.get(`/api/v1/invitations/${id}`), 404, 'invitation_not_found');
    // … exactly as for an id that never existed.
    const never = await ben.post('/api/v1/invitations/01ARZ3NDEKTSV4RRFFQ69G5FAV/accept');
    const gone = await ben.post(`/api/v1/invitations/${id}/accept`);
    expect(gone.body).toEqual({ ...never.body });
    expect(await invitationStatus(t, id)).toBe('withdrawn');
  });

  it('R17: the sender withdrawing an expired invitation gets 409 invitation_not_open', async () => {
    const { ann, ben, id } = await annInvitesBen();
    t.advanceDays(180);
    await t.runJobs();
    expect(await invitationStatus(t, id)).toBe('expired');
    await expectRefused(ann, 'withdraw', id, 409, 'invitation_not_open');
    await expectRefused(ben, 'accept', id, 404, 'invitation_not_found');
  });

  it('R13 R17: keeping an invitation past its expiry → 409 invitation_not_open, before and after the expiry job', async () => {
    const { ann, id } = await annInvitesBen();
    const keep = `/api/v1/invitations/${id}/keep`;
    t.advanceDays(180);
    expect(await invitationStatus(t, id)).toBe('pending');
    expectProblem(await ann.put(keep), 409, 'invitation_not_open');
    expectProblem(await ann.delete(keep), 409, 'invitation_not_open');
    await t.runJobs();
    expect(await invitationStatus(t, id)).toBe('expired');
    expectProblem(await ann.put(keep), 409, 'invitation_not_open');
    const kept = await t.ctx.database.db
      .selectFrom('invitations')
      .select('kept')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(kept.kept).toBe(0);
  });

  it('only the recipient answers, only the sender withdraws; strangers see nothing', async () => {
    const { ann, ben, id } = await annInvitesBen();
    const eve = await t.member('eve');
    await expectRefused(ann, 'accept', id, 403, 'forbidden');
    await expectRefused(ann, 'ignore', id, 403, 'forbidden');
    await expectRefused(ben, 'withdraw', id, 403, 'forbidden');
    for (const action of ACTIONS) {
      await expectRefused(eve, action, id, 404, 'invitation_not_found');
    }
    expectProblem(await eve.get(`/api/v1/invitations/${id}`), 404, 'invitation_not_found');
    expect(await invitationStatus(t, id)).toBe('pending');
  });
});
