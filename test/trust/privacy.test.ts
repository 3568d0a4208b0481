/**
 * What a sender can read never tells an ignored (R11) or blocked (R20) invitation from one that
 * is still pending and unseen, nor, once expired (R13), from any other expired one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, Member, PASSWORD, startApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/expect.js';
import { NETWORK_READS, readsOf } from '../helpers/members.js';

let t: TestApp;
let hasInsights = false;
beforeAll(async () => {
  t = await startApp();
  const doc = (await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
  hasInsights = `${API}/insights` in doc.paths;
});
afterAll(async () => {
  await t.close();
});

interface Case {
  sender: Member;
  senderId: string;
  recipient: Member;
  id: string;
}

type Fate = 'unseen' | 'seen' | 'ignored' | 'dont_know' | 'blocked' | 'blocked_then_lifted';

/** One sender and one recipient of their own, the invitation sent at the same instant as every other case's. */
async function sent(): Promise<Case> {
  const [sender, recipient] = await Promise.all([t.member('sender'), t.member('recipient')]);
  const reply = await sender.invite(recipient, {
    note: 'We met at the meetup',
    howKnown: 'colleague',
  });
  expectStatus(reply, 201);
  const senderId = (await sender.get(`${API}/me`)).body.id;
  return { sender, senderId, recipient, id: reply.body.id };
}

async function answer(c: Case, fate: Fate): Promise<void> {
  const { recipient, sender, id } = c;
  if (fate === 'seen') {
    expectStatus(await recipient.get(`${API}/invitations/${id}`), 200);
    expectStatus(await recipient.post(`${API}/notifications/read`), 204);
  }
  if (fate === 'ignored')
    expectStatus(await recipient.post(`${API}/invitations/${id}/ignore`), 204);
  if (fate === 'dont_know') {
    expectStatus(
      await recipient.post(`${API}/invitations/${id}/ignore`, { reason: 'dont_know' }),
      204,
    );
  }
  if (fate === 'blocked' || fate === 'blocked_then_lifted') {
    expectStatus(await recipient.put(`${API}/blocks/${sender.handle}`), 204);
  }
  if (fate === 'blocked_then_lifted')
    expectStatus(await recipient.delete(`${API}/blocks/${sender.handle}`), 204);
}

/** The JSON with this case's own handles and ids replaced, so cases can be compared. */
function neutral(c: Case, value: unknown): unknown {
  const text = JSON.stringify(value)
    .replaceAll(c.id, '<invitation>')
    .replaceAll(c.senderId, '<sender-id>')
    .replaceAll(c.sender.handle, '<sender>')
    .replaceAll(c.recipient.handle, '<recipient>')
    .replaceAll(c.sender.email, '<sender-email>')
    .replaceAll(c.recipient.email, '<recipient-email>');
  return JSON.parse(text);
}

/** Every read the sender has that could say something about this invitation. */
async function senderReads(
  c: Case,
  options: { profile: boolean },
): Promise<Record<string, unknown>> {
  const urls = [
    '/invitations/sent',
    '/invitations/sent?kind=connection',
    '/invitations/sent?olderThanDays=0',
    '/invitations/sent/count',
    `/invitations/${c.id}`,
    '/me',
    '/me/quotas',
    '/settings',
    '/notifications',
    '/invitations/received/count',
    ...(hasInsights ? ['/insights'] : []),
    ...(options.profile
      ? [`/members/${c.recipient.handle}`, `/members?q=${c.recipient.handle}`, '/suggestions']
      : []),
  ];
  const reads: Record<string, unknown> = {};
  for (const url of urls) {
    const reply = await c.sender.get(`${API}${url}`);
    reads[url.replaceAll(c.id, '<invitation>').replaceAll(c.recipient.handle, '<recipient>')] =
      neutral(c, [reply.status, reply.body]);
  }
  return reads;
}

/** What the sender's own actions answer: inviting again, keeping, and finally withdrawing. */
async function senderActions(c: Case, options: { reinvite: boolean }): Promise<unknown[]> {
  const replies = [
    ...(options.reinvite ? [await c.sender.invite(c.recipient)] : []),
    await c.sender.put(`${API}/invitations/${c.id}/keep`),
    await c.sender.delete(`${API}/invitations/${c.id}/keep`),
    await c.sender.post(`${API}/invitations/withdraw`, { olderThanDays: 0, dryRun: true }),
    await c.sender.post(`${API}/invitations/${c.id}/withdraw`),
    await c.sender.post(`${API}/invitations/${c.id}/withdraw`),
  ];
  return replies.map((r) => neutral(c, [r.status, r.body]));
}

describe('the sender cannot tell (R11, R20, R13)', () => {
  it('R11: an ignored invitation, with or without "I don’t know this person", reads exactly as one pending and unseen', async () => {
    const cases = {
      unseen: await sent(),
      seen: await sent(),
      ignored: await sent(),
      dontKnow: await sent(),
    };
    await answer(cases.seen, 'seen');
    await answer(cases.ignored, 'ignored');
    await answer(cases.dontKnow, 'dont_know');
    const reads = async (c: Case) => senderReads(c, { profile: true });
    const control = await reads(cases.unseen);
    expect(control['/invitations/sent/count']).toEqual([
      200,
      {
        total: 1,
        byKind: { connection: 1, page: 0, event: 0 },
        keptByKind: { connection: 0, page: 0, event: 0 },
        stale: 0,
      },
    ]);
    for (const c of [cases.seen, cases.ignored, cases.dontKnow])
      expect(await reads(c)).toEqual(control);

    const actions = await senderActions(cases.unseen, { reinvite: true });
    expect(actions[0]).toMatchObject([409, { code: 'invitation_already_open' }]);
    for (const c of [cases.seen, cases.ignored, cases.dontKnow]) {
      expect(await senderActions(c, { reinvite: true })).toEqual(actions);
    }
  });

  it('R20: an invitation its recipient blocked reads as pending; the recipient answers as an unknown member', async () => {
    const unseen = await sent();
    const blocked = await sent();
    await answer(blocked, 'blocked');
    expect(await senderReads(blocked, { profile: false })).toEqual(
      await senderReads(unseen, { profile: false }),
    );

    // The profile, search and a new invitation answer as they would for a handle that never existed.
    const nobody = {
      ...blocked,
      recipient: new Member(t.app, 'nobody-here', blocked.recipient.email, blocked.recipient.token),
    };
    const asUnknown = async (c: Case) => {
      const profile = await c.sender.get(`${API}/members/${c.recipient.handle}`);
      const search = await c.sender.get(`${API}/members?q=${c.recipient.handle}`);
      const invite = await c.sender.invite(c.recipient.handle);
      return neutral(c, [profile.status, profile.body, search.body, invite.status, invite.body]);
    };
    expect(await asUnknown(blocked)).toEqual(await asUnknown(nobody));

    expect(await senderActions(blocked, { reinvite: false })).toEqual(
      await senderActions(unseen, { reinvite: false }),
    );
  });

  it('R20: after the block is lifted, everything the sender reads — profile included — is as for a pending invitation', async () => {
    const unseen = await sent();
    const lifted = await sent();
    await answer(lifted, 'blocked_then_lifted');
    const control = await senderReads(unseen, { profile: true });
    expect(await senderReads(lifted, { profile: true })).toEqual(control);
    expect(await senderActions(lifted, { reinvite: true })).toEqual(
      await senderActions(unseen, { reinvite: true }),
    );
  });

  it('R13: once expired, an ignored or blocked invitation reads exactly as any other expired one', async () => {
    const cases = {
      unseen: await sent(),
      ignored: await sent(),
      dontKnow: await sent(),
      lifted: await sent(),
      blocked: await sent(),
    };
    await answer(cases.ignored, 'ignored');
    await answer(cases.dontKnow, 'dont_know');
    await answer(cases.lifted, 'blocked_then_lifted');
    await answer(cases.blocked, 'blocked');
    t.advanceDays(180);
    await t.runJobs();

    const control = await senderReads(cases.unseen, { profile: true });
    expect(control[`/invitations/<invitation>`]).toMatchObject([200, { status: 'expired' }]);
    expect(control['/invitations/sent/count']).toEqual([
      200,
      {
        total: 0,
        byKind: { connection: 0, page: 0, event: 0 },
        keptByKind: { connection: 0, page: 0, event: 0 },
        stale: 0,
      },
    ]);
    for (const c of [cases.ignored, cases.dontKnow, cases.lifted])
      expect(await senderReads(c, { profile: true })).toEqual(control);
    expect(await senderReads(cases.blocked, { profile: false })).toEqual(
      await senderReads(cases.unseen, { profile: false }),
    );

    const again = async (c: Case) => {
      const reply = await c.sender.invite(c.recipient);
      return neutral(c, [reply.status, { ...reply.body, id: '<new>' }]);
    };
    const first = await again(cases.unseen);
    expect(first).toMatchObject([201, { status: 'pending' }]);
    for (const c of [cases.ignored, cases.dontKnow, cases.lifted])
      expect(await again(c)).toEqual(first);
  });
});

describe('a member who left (R29)', () => {
  /** What `other` reads of the network, of `handle`, and what inviting `handle` answers. */
  async function otherSide(other: Member, handle: string): Promise<unknown> {
    const reads: unknown[] = Object.values(
      await readsOf(other, [...NETWORK_READS, `/members/${handle}`, `/members?q=${handle}`]),
    );
    const invite = await other.invite(handle);
    reads.push([invite.status, invite.body]);
    const me = (await other.get(`${API}/me`)).body;
    reads.push(me.counts);
    return reads;
  }

  it('R29: after an account deletion, the other side of every relation reads as if the member never existed', async () => {
    const [leaver, invited, inviter, friend, follower] = await Promise.all(
      ['leaver', 'invited', 'inviter', 'friend', 'follower'].map((n) => t.member(n)),
    );
    const controls = await Promise.all(
      ['invited', 'inviter', 'friend', 'follower'].map((n) => t.member(n)),
    );
    expectStatus(await leaver!.invite(invited!), 201);
    expectStatus(await inviter!.invite(leaver!), 201);
    const toFriend = await friend!.invite(leaver!);
    expectStatus(await leaver!.post(`${API}/invitations/${String(toFriend.body.id)}/accept`), 200);
    expectStatus(await follower!.put(`${API}/follows/${leaver!.handle}`), 204);

    expectStatus(await leaver!.request('DELETE', `${API}/me`, { password: PASSWORD }), 204);

    const others = [invited!, inviter!, friend!, follower!];
    for (const [i, other] of others.entries()) {
      expect(await otherSide(other, leaver!.handle)).toEqual(
        await otherSide(controls[i]!, 'never-was-here'),
      );
    }
  });
});
