import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../../src/modules/webhooks/webhook.js';
import type { SmtpSink } from '../email/smtp-sink.js';
import { API, inject, type Member, PASSWORD, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { startWithSink } from '../helpers/mail.js';
import { memberId, NETWORK_READS, readsOf } from '../helpers/members.js';
import { connect, invitationStatus } from '../helpers/network.js';
import { Receiver } from '../integrations/receiver.js';

let t: TestApp;
let sink: SmtpSink;
let closeAll: () => Promise<void>;
let receiver: Receiver;
beforeAll(async () => {
  ({ t, sink, close: closeAll } = await startWithSink({ RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1' }));
  receiver = await new Receiver().start();
});
afterAll(async () => {
  await closeAll();
  await receiver.stop();
});

async function hook(member: Member): Promise<{ path: string; secret: string }> {
  const path = `/${member.handle}`;
  const created = await member.post(`${API}/me/webhooks`, {
    url: receiver.url(path),
    events: WEBHOOK_EVENTS,
  });
  expectStatus(created, 201);
  return { path, secret: String(created.body.secret) };
}

function leave(member: Member, password = PASSWORD) {
  return member.request('DELETE', `${API}/me`, { password });
}

/** Everything `member` reads that could name someone else. */
function reads(member: Member): Promise<Record<string, unknown>> {
  return readsOf(member, ['/me', ...NETWORK_READS, '/blocks', '/pages', '/events']);
}

/** Every row of these tables that mentions `text` anywhere, as JSON. */
async function rowsMentioning(text: string): Promise<string[]> {
  const db = t.ctx.database.db;
  const tables = [
    await db.selectFrom('outbox').selectAll().execute(),
    await db.selectFrom('notifications').selectAll().execute(),
    await db.selectFrom('webhook_deliveries').selectAll().execute(),
    await db.selectFrom('sessions').selectAll().execute(),
    await db.selectFrom('access_tokens').selectAll().execute(),
    await db.selectFrom('contacts').selectAll().execute(),
  ];
  return tables
    .flat()
    .map((row) => JSON.stringify(row))
    .filter((json) => json.includes(text));
}

describe('R29 leaving', () => {
  it('R29: a wrong password changes nothing; the right one answers 204 and signs out at once', async () => {
    const ann = await t.member('ann');
    const bob = await t.member('bob');
    await connect(ann, bob);
    expectProblem(await leave(ann, 'not the password'), 403, 'wrong_password');
    expectProblem(await ann.request('DELETE', `${API}/me`, {}), 400, 'validation_failed');
    expect((await bob.get(`${API}/connections`)).body.items).toHaveLength(1);
    expectStatus(await ann.get(`${API}/me`), 200);

    expectStatus(await leave(ann), 204);
    expectProblem(await ann.get(`${API}/me`), 401, 'unauthenticated');
    expectProblem(await bob.get(`${API}/members/${ann.handle}`), 404, 'member_not_found');
    expectProblem(await bob.invite(ann), 404, 'member_not_found');
    const signIn = await inject(t.app, 'POST', `${API}/session`, {
      email: ann.email,
      password: PASSWORD,
    });
    expectProblem(signIn, 401, 'unauthenticated');
  });

  it('R29: a member with open invitations both ways, connections, follows, blocks, a page and mail leaves no trace with anyone', async () => {
    const leaver = await t.member('leaver');
    const [friend, invitee, inviter, ignored, blocked, pageFan] = await Promise.all([
      t.member('friend'),
      t.member('invitee'),
      t.member('inviter'),
      t.member('ignored'),
      t.member('blocked'),
      t.member('pagefan'),
    ]);
    // Controls: members who did the same things with someone who never existed.
    const controls = await Promise.all([t.member('friend'), t.member('invitee')]);
    const inviteeHook = await hook(invitee);
    const friendHook = await hook(friend);
    await hook(leaver);

    await connect(friend, leaver); // the friend has an "accepted" notification and mail about leaver
    await connect(leaver, pageFan);
    expectStatus(await leaver.put(`${API}/follows/${inviter.handle}`), 204);
    expectStatus(await inviter.put(`${API}/follows/${leaver.handle}`), 204);
    const sent = await leaver.invite(invitee, { note: 'Hello' });
    expectStatus(sent, 201);
    const received = await inviter.invite(leaver);
    const toIgnore = await ignored.invite(leaver);
    const toBlock = await blocked.invite(leaver);
    expectStatus(await leaver.post(`${API}/invitations/${String(toIgnore.body.id)}/ignore`), 204);
    expectStatus(await leaver.put(`${API}/blocks/${blocked.handle}`), 204);
    expectStatus(
      await leaver.post(`${API}/contacts/import`, { emails: [invitee.email, 'x@example.test'] }),
      200,
    );
    const page = await leaver.post(`${API}/pages`, { name: 'Leaver Works' });
    expectStatus(page, 201);
    const pageInvite = await leaver.post(`${API}/pages/${String(page.body.id)}/invitations`, {
      to: [pageFan.handle],
    });
    expect(pageInvite.body.results[0]).toMatchObject({ status: 'sent' });
    const event = await leaver.post(`${API}/events`, {
      name: 'Leaver Meetup',
      startsAt: '2026-06-01T18:00:00.000Z',
    });
    expectStatus(event, 201);
    // Webhook deliveries so far (the invitation received, the connection made) have gone out.
    expectStatus(await t.runJobs(), 200);
    const heardBefore = {
      invitee: receiver.verifiedEvents(inviteeHook.path, inviteeHook.secret).length,
      friend: receiver.verifiedEvents(friendHook.path, friendHook.secret).length,
    };
    const mailBefore = sink.mails.length;
    // One more invitation, its mail and notification still queued when the leaver goes.
    const late = await t.member('late');
    expectStatus(await leaver.invite(late), 201);
    expect((await late.get(`${API}/notifications`)).body.items).toHaveLength(1);
    const leaverId = await memberId(t, leaver);

    expectStatus(await leave(leaver), 204);
    expectStatus(await t.runJobs(), 200);

    // Each other member reads as if the leaver never existed.
    const [friendId, controlId] = [await memberId(t, friend), await memberId(t, controls[0])];
    expect(await reads(friend)).toEqual(
      JSON.parse(
        JSON.stringify(await reads(controls[0]))
          .replaceAll(controls[0].handle, friend.handle)
          .replaceAll(controlId, friendId),
      ),
    );
    for (const other of [invitee, inviter, ignored, blocked, pageFan, late]) {
      const all = JSON.stringify(await reads(other));
      expect(all).not.toContain(leaver.handle);
      expect(all).not.toContain('Leaver');
      expect((await other.get(`${API}/invitations/received/count`)).body.total).toBe(0);
      expect((await other.get(`${API}/invitations/sent/count`)).body.total).toBe(0);
      expect((await other.get(`${API}/notifications`)).body.items).toEqual([]);
      expect((await other.get(`${API}/connections`)).body.items).toEqual([]);
      expect((await other.get(`${API}/me`)).body.counts).toMatchObject({
        connections: 0,
        followers: 0,
        following: 0,
        received: 0,
        sent: 0,
      });
    }
    expect((await invitee.get(`${API}/me`)).body.counts).toEqual(
      (await controls[1].get(`${API}/me`)).body.counts,
    );
    // The recipient of the withdrawn invitation: gone as if never sent, with no signal.
    expectProblem(
      await invitee.get(`${API}/invitations/${String(sent.body.id)}`),
      404,
      'invitation_not_found',
    );
    expect(receiver.verifiedEvents(inviteeHook.path, inviteeHook.secret)).toHaveLength(
      heardBefore.invitee,
    );
    expect(receiver.verifiedEvents(friendHook.path, friendHook.secret)).toHaveLength(
      heardBefore.friend,
    );
    expect(sink.mails.length).toBe(mailBefore);
    expect(sink.to(late.email)).toEqual([]);
    // The page and the event it ran alone are gone, with the page's open invitation.
    expectProblem(await pageFan.get(`${API}/pages/${String(page.body.id)}`), 404, 'page_not_found');
    expectProblem(
      await pageFan.get(`${API}/events/${String(event.body.id)}`),
      404,
      'event_not_found',
    );
    expect(await invitationStatus(t, String(sent.body.id))).toBe('withdrawn');
    for (const id of [received.body.id, toIgnore.body.id, toBlock.body.id]) {
      expect(await invitationStatus(t, String(id))).toBe('expired');
    }
    // No row anywhere keeps their handle, id or email, in mail, news, deliveries or credentials.
    expect(await rowsMentioning(leaver.handle)).toEqual([]);
    expect(await rowsMentioning(leaver.email)).toEqual([]);
    expect(await rowsMentioning(leaverId)).toEqual([]);
    // The inviter may invite someone else at once, and no cooldown is left with the leaver's pairs.
    expect(
      await t.ctx.database.db
        .selectFrom('invitations')
        .select('withdraw_cause')
        .where('sender_id', '=', leaverId)
        .where('status', '=', 'withdrawn')
        .execute(),
    ).toEqual([
      { withdraw_cause: 'leaving' },
      { withdraw_cause: 'leaving' },
      { withdraw_cause: 'leaving' },
    ]);
  });

  it('R29: invitations to the leaver close at the moment they leave, and each sender reads them closed then, never ignored', async () => {
    const leaver = await t.member('closer');
    const [waiting, ignoredOne] = await Promise.all([t.member('waiting'), t.member('ignoredone')]);
    const waitingHook = await hook(waiting);
    const pending = await waiting.invite(leaver);
    const ignored = await ignoredOne.invite(leaver);
    expectStatus(await leaver.post(`${API}/invitations/${String(ignored.body.id)}/ignore`), 204);
    expectStatus(await t.runJobs(), 200);
    const heardBefore = receiver.verifiedEvents(waitingHook.path, waitingHook.secret).length;

    t.advanceDays(5);
    const leftAt = t.clock.now().toISOString();
    expectStatus(await leave(leaver), 204);
    for (const [sender, sent] of [
      [waiting, pending],
      [ignoredOne, ignored],
    ] as const) {
      const id = String(sent.body.id);
      const read = await sender.get(`${API}/invitations/${id}`);
      expectStatus(read, 200);
      expect(read.body).toMatchObject({ status: 'expired', viewerRole: 'sender' });
      expect(read.body.history).toEqual([
        { type: 'sent', at: sent.body.sentAt },
        { type: 'expired', at: leftAt },
      ]);
      expect((await sender.get(`${API}/invitations/sent`)).body.items).toEqual([]);
      expectProblem(
        await sender.post(`${API}/invitations/${id}/withdraw`),
        409,
        'invitation_not_open',
      );
    }
    // Nothing more happens to them later: the expiry job finds nothing left to close or tell.
    t.advanceDays(200);
    expectStatus(await t.runJobs(), 200);
    const later = await waiting.get(`${API}/invitations/${String(pending.body.id)}`);
    expect(later.body.history).toEqual([
      { type: 'sent', at: pending.body.sentAt },
      { type: 'expired', at: leftAt },
    ]);
    expect(receiver.verifiedEvents(waitingHook.path, waitingHook.secret)).toHaveLength(heardBefore);
  });

  it('R29: the leaver’s row keeps nothing personal, and admins no longer list it', async () => {
    const cat = await t.member('cat', { headline: 'Chief Cat', company: 'Catco' });
    const catId = await memberId(t, cat);
    expectStatus(await leave(cat), 204);
    const row = await t.ctx.database.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', catId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: '',
      headline: '',
      company: '',
      search_text: '',
      password_hash: '',
    });
    expect(row.deleted_at).not.toBeNull();
    const listed = await t.ctx.admin.listMembers({ q: cat.handle, limit: 20 });
    expect(listed.items).toEqual([]);
    expect((await t.ctx.admin.listMembers({ q: '', limit: 100 })).items).not.toContainEqual(
      expect.objectContaining({ handle: cat.handle }),
    );
  });

  it('R29: the handle and email stay taken for 30 days, then anyone may take them', async () => {
    const dan = await t.member('dan');
    expectStatus(await leave(dan), 204);
    const signUp = (extra: Record<string, string>) =>
      inject(t.app, 'POST', `${API}/members`, {
        password: PASSWORD,
        name: 'New Dan',
        ...extra,
      });
    t.advanceDays(29);
    expectProblem(await signUp({ email: dan.email, handle: 'another-dan' }), 409, 'email_taken');
    expectProblem(
      await signUp({ email: 'someone-else@example.test', handle: dan.handle }),
      409,
      'handle_taken',
    );
    t.advanceDays(1);
    const taken = await signUp({ email: dan.email, handle: dan.handle });
    expectStatus(taken, 201);
    expect(taken.body.member).toMatchObject({
      handle: dan.handle,
      name: 'New Dan',
      counts: { connections: 0, followers: 0, following: 0, received: 0, sent: 0 },
    });
    const other = await t.member('eve');
    expectStatus(await other.get(`${API}/members/${dan.handle}`), 200);
  });

  it('R29: other members’ insights keep their counts', async () => {
    const fay = await t.member('fay');
    const gus = await t.member('gus');
    await connect(fay, gus);
    const before = (await fay.get(`${API}/insights`)).body;
    expect(before.acceptedLast90Days).toBe(1);
    expectStatus(await leave(gus), 204);
    const after = (await fay.get(`${API}/insights`)).body;
    expect(after.acceptedLast90Days).toBe(1);
    expect(after.acceptance).toEqual(before.acceptance);
    expect(JSON.stringify(after)).not.toContain(gus.handle);
  });
});
