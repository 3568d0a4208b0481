import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { mailStatuses } from '../helpers/mail.js';
import { newPendingInvitation } from '../../src/modules/invitations/invitation.js';
import { insertInvitation } from '../../src/modules/invitations/invitation.repository.js';
import { handles, memberId } from '../helpers/members.js';
import { connect, connectionCounts, invitationStatus } from '../helpers/network.js';

const HOUR_MS = 3_600_000;

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

describe('blocking (R20)', () => {
  it('R20: a block ends the connection, both connection counts and the follows both ways', async () => {
    const [ann, ben, cy] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cy')]);
    await connect(ann, ben);
    await connect(ben, cy);
    expect((await ann.get(`${API}/me`)).body.counts).toMatchObject({
      connections: 1,
      followers: 1,
      following: 1,
    });

    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);

    expect(await handles(ann, `${API}/connections`)).toEqual([]);
    expect(await handles(ben, `${API}/connections`)).toEqual([cy.handle]);
    expect((await ann.get(`${API}/me`)).body.counts).toMatchObject({
      connections: 0,
      followers: 0,
      following: 0,
    });
    expect((await ben.get(`${API}/me`)).body.counts).toMatchObject({
      connections: 1,
      followers: 1,
      following: 1,
    });
    expect(await handles(ben, `${API}/followers`)).toEqual([cy.handle]);
    const blocks = await ann.get(`${API}/blocks`);
    expect(blocks.body.items).toEqual([
      {
        member: expect.objectContaining({ handle: ben.handle }),
        blockedAt: t.clock.now().toISOString(),
      },
    ]);
    // ben's "accepted" notification named ann; it goes too.
    const notes = (await ben.get(`${API}/notifications`)).body.items;
    expect(
      notes.filter((n: { actor: { handle: string } | null }) => n.actor?.handle === ann.handle),
    ).toEqual([]);
  });

  it("R20: the blocker's open invitations to the blocked member are withdrawn silently, with no cooldown", async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben, { note: 'Hello' });
    expectStatus(sent, 201);
    const id = sent.body.id;
    expect(await mailStatuses(t, id)).toEqual(['pending']);

    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);

    expect((await ann.get(`${API}/invitations/sent`)).body.items).toEqual([]);
    expect((await ben.get(`${API}/invitations/received`)).body.items).toEqual([]);
    expect((await ben.get(`${API}/invitations/received/count`)).body.total).toBe(0);
    expect((await ben.get(`${API}/notifications`)).body.items).toEqual([]);
    expect(await mailStatuses(t, id)).toEqual(['cancelled']);
    expectProblem(await ben.get(`${API}/invitations/${id}`), 404, 'invitation_not_found');
    expectProblem(await ben.post(`${API}/invitations/${id}/accept`), 404, 'invitation_not_found');

    expectStatus(await ann.delete(`${API}/blocks/${ben.handle}`), 204);
    expectStatus(await ann.invite(ben), 201);
  });

  it("R20: the blocked member's invitations become invisible to the blocker for good, and stay pending to their sender", async () => {
    const [ann, ben, bob] = await Promise.all([t.member('ann'), t.member('ben'), t.member('bob')]);
    const pending = (await ben.invite(ann)).body.id;
    const ignored = (await bob.invite(ann)).body.id;
    expectStatus(await ann.post(`${API}/invitations/${ignored}/ignore`), 204);
    const mailBefore = await mailStatuses(t, pending);
    expect(mailBefore).toEqual(['pending']);

    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);
    expectStatus(await ann.put(`${API}/blocks/${bob.handle}`), 204);

    const rows = await t.ctx.database.db
      .selectFrom('invitations')
      .select(['id', 'status', 'remind_at'])
      .where('id', 'in', [pending, ignored])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.status, r.remind_at])).toEqual([
      ['blocked', null],
      ['blocked', null],
    ]);
    expect(await mailStatuses(t, pending)).toEqual(['cancelled']);

    const recipientSeesNothing = async () => {
      expect((await ann.get(`${API}/invitations/received`)).body.items).toEqual([]);
      expect((await ann.get(`${API}/invitations/received/count`)).body.total).toBe(0);
      expect((await ann.get(`${API}/notifications`)).body.items).toEqual([]);
      for (const id of [pending, ignored]) {
        expectProblem(await ann.get(`${API}/invitations/${id}`), 404, 'invitation_not_found');
        expectProblem(
          await ann.post(`${API}/invitations/${id}/accept`),
          404,
          'invitation_not_found',
        );
        expectProblem(
          await ann.post(`${API}/invitations/${id}/ignore`),
          404,
          'invitation_not_found',
        );
      }
    };
    const senderSeesPending = async () => {
      for (const [sender, id] of [
        [ben, pending],
        [bob, ignored],
      ] as const) {
        const sent = (await sender.get(`${API}/invitations/sent`)).body.items;
        expect(sent.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
          [id, 'pending'],
        ]);
        expect((await sender.get(`${API}/invitations/sent/count`)).body.total).toBe(1);
        const detail = await sender.get(`${API}/invitations/${id}`);
        expect(detail.body.status).toBe('pending');
        expect(detail.body.history.map((h: { type: string }) => h.type)).toEqual(['sent']);
      }
    };
    await recipientSeesNothing();
    await senderSeesPending();

    // Lifting the blocks restores nothing for ann; the senders still see their invitations pending.
    expectStatus(await ann.delete(`${API}/blocks/${ben.handle}`), 204);
    expectStatus(await ann.delete(`${API}/blocks/${bob.handle}`), 204);
    await recipientSeesNothing();
    await senderSeesPending();
    expectProblem(await ben.invite(ann), 409, 'invitation_already_open');

    // Until they expire, as any pending invitation would.
    t.advanceDays(180);
    await t.runJobs();
    expect((await ben.get(`${API}/invitations/sent`)).body.items).toEqual([]);
    expect((await ben.get(`${API}/invitations/${pending}`)).body.status).toBe('expired');
  });

  it('R20: the blocked member cannot see, find, invite or follow the blocker — answered as for an unknown member', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);

    for (const [who, other] of [
      [ben, ann],
      [ann, ben],
    ] as const) {
      const profile = expectProblem(
        await who.get(`${API}/members/${other.handle}`),
        404,
        'member_not_found',
      );
      const unknown = await who.get(`${API}/members/nobody-here`);
      expect(profile).toEqual(unknown.body);
      const search = await who.get(`${API}/members?q=${other.handle}`);
      expect(search.body.items).toEqual([]);
      expectProblem(await who.put(`${API}/follows/${other.handle}`), 404, 'member_not_found');
    }
    const invite = expectProblem(await ben.invite(ann), 404, 'member_not_found');
    expect(invite).toEqual((await ben.invite('nobody-here')).body);
    expect((await ben.get(`${API}/suggestions`)).body.items).toEqual([]);
    // A block of ann's cannot be discovered by blocking back: ann answers like an unknown member.
    expectProblem(await ben.put(`${API}/blocks/${ann.handle}`), 404, 'member_not_found');
  });

  it('R20: after lifting a block the same member can be blocked again only 48 hours later (47h → 409, 48h → 204), as their profile says', async () => {
    const [ann, ben, cy] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cy')]);
    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);
    expectStatus(await ann.delete(`${API}/blocks/${ben.handle}`), 204);
    const liftedAt = t.clock.now().getTime();
    expect((await ann.get(`${API}/blocks`)).body.items).toEqual([]);

    t.clock.advance(47 * HOUR_MS);
    const locked = expectProblem(
      await ann.put(`${API}/blocks/${ben.handle}`),
      409,
      'reblock_locked',
    );
    expect(locked.retryAt).toBe(new Date(liftedAt + 48 * HOUR_MS).toISOString());
    // The profile says so before a block is tried; to ben, ann's lock is nothing.
    const profile = await ann.get(`${API}/members/${ben.handle}`);
    expect(profile.body.blockAvailableAt).toBe(locked.retryAt);
    expect((await ben.get(`${API}/members/${ann.handle}`)).body.blockAvailableAt).toBeNull();
    expectStatus(await ann.put(`${API}/blocks/${cy.handle}`), 204);
    // The lock is the blocker's: ben may block ann meanwhile.
    expectStatus(await ben.put(`${API}/blocks/${ann.handle}`), 204);
    expectStatus(await ben.delete(`${API}/blocks/${ann.handle}`), 204);

    t.clock.advance(HOUR_MS);
    expect((await ann.get(`${API}/members/${ben.handle}`)).body.blockAvailableAt).toBeNull();
    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);
    expect(await handles(ann, `${API}/blocks`)).toEqual([ben.handle, cy.handle]);
  });

  it('R20: blocking oneself → 400, an unknown member → 404; blocking twice is a no-op; lifting what is not blocked → 404', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expectProblem(await ann.put(`${API}/blocks/${ann.handle}`), 400, 'validation_failed');
    expectProblem(await ann.put(`${API}/blocks/nobody-here`), 404, 'member_not_found');
    expectProblem(await ann.delete(`${API}/blocks/${ben.handle}`), 404, 'not_found');
    expectProblem(await ann.delete(`${API}/blocks/nobody-here`), 404, 'not_found');

    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);
    const first = (await ann.get(`${API}/blocks`)).body.items;
    t.clock.advance(HOUR_MS);
    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);
    expect((await ann.get(`${API}/blocks`)).body.items).toEqual(first);
  });

  it('R20: a block racing an accept or a send leaves the two unconnected, with counts equal to the rows', async () => {
    for (let round = 0; round < 3; round++) {
      const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
      const sent = await ben.invite(ann);
      const [accepted, blocked, again] = await Promise.all([
        ann.post(`${API}/invitations/${sent.body.id}/accept`),
        ann.put(`${API}/blocks/${ben.handle}`),
        ben.invite(ann),
      ]);
      expectStatus(blocked, 204);
      expect([200, 404]).toContain(accepted.status);
      expect([404, 409]).toContain(again.status);
      expect(await handles(ann, `${API}/connections`)).toEqual([]);
      expect(await handles(ben, `${API}/connections`)).toEqual([]);
      expect((await ann.get(`${API}/me`)).body.counts.connections).toBe(0);
      expect((await ben.get(`${API}/me`)).body.counts.connections).toBe(0);
      expect((await ann.get(`${API}/invitations/received/count`)).body.total).toBe(0);
    }
  });

  it('R20: the list of blocks pages with a cursor, newest first', async () => {
    const ann = await t.member('ann');
    const others = await Promise.all(['p', 'q', 'r'].map((n) => t.member(n)));
    for (const other of others) {
      expectStatus(await ann.put(`${API}/blocks/${other.handle}`), 204);
      t.clock.advance(1000);
    }
    const first = await ann.get(`${API}/blocks?limit=2`);
    expect(first.body.items.map((i: { member: { handle: string } }) => i.member.handle)).toEqual([
      others[2]!.handle,
      others[1]!.handle,
    ]);
    const second = await ann.get(`${API}/blocks?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { member: { handle: string } }) => i.member.handle)).toEqual([
      others[0]!.handle,
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('R20: the blocked sender keeps seeing the blocker as at the block — Sent list, search, detail and clean-up preview — never updated, even after the block is lifted', async () => {
    const before = { headline: 'Data engineer', company: 'Oldco', location: 'Paris' };
    const [ann, ben, cy] = await Promise.all([
      t.member('ann', before),
      t.member('ben'),
      t.member('cy'),
    ]);
    const id = (await ben.invite(ann)).body.id;
    const fromCy = (await cy.invite(ann)).body.id;
    const atBlock = (await cy.get(`${API}/invitations/${fromCy}`)).body.recipient;
    expect(atBlock).toMatchObject(before);
    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);
    const later = {
      name: 'Ann Renamed',
      headline: 'Chief of things',
      company: 'Newco',
      location: 'Oslo',
    };
    expectStatus(await ann.patch(`${API}/me`, later), 200);

    const benSees = async () => {
      const sent = (await ben.get(`${API}/invitations/sent`)).body.items;
      expect(sent.map((i: { id: string; recipient: unknown }) => [i.id, i.recipient])).toEqual([
        [id, atBlock],
      ]);
      expect((await ben.get(`${API}/invitations/${id}`)).body.recipient).toEqual(atBlock);
      // Search matches the name and handle as at the block (R40: names only, never the company).
      const found = (await ben.get(`${API}/invitations/sent?q=${ann.handle}`)).body.items;
      expect(found.map((i: { id: string }) => i.id)).toEqual([id]);
      expect((await ben.get(`${API}/invitations/sent?q=renamed`)).body.items).toEqual([]);
      for (const company of ['oldco', 'newco']) {
        expect((await ben.get(`${API}/invitations/sent?q=${company}`)).body.items).toEqual([]);
      }
      const preview = await ben.post(`${API}/invitations/withdraw`, {
        olderThanDays: 0,
        dryRun: true,
      });
      expect(
        preview.body.items.map(
          (i: { invitation: { recipient: unknown } }) => i.invitation.recipient,
        ),
      ).toEqual([atBlock]);
    };
    await benSees();
    // Anyone not blocked sees ann as she is.
    expect((await cy.get(`${API}/invitations/${fromCy}`)).body.recipient).toMatchObject(later);

    expectStatus(await ann.delete(`${API}/blocks/${ben.handle}`), 204);
    expectStatus(await ann.patch(`${API}/me`, { headline: 'Yet another' }), 200);
    await benSees();
    // Withdrawn later, it is exported as it was seen.
    expectStatus(await ben.post(`${API}/invitations/${id}/withdraw`), 200);
    const csv = String((await ben.get(`${API}/invitations/withdrawn.csv`)).body);
    expect(csv).toContain(`,${atBlock.name},${ann.handle},`);
    expect(csv).not.toContain('Renamed');
  });

  it('R20: event attendee and page follower counts leave out whom the list beside them leaves out', async () => {
    const [ann, ben, cy] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cy')]);
    const startsAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const event = (await ann.post(`${API}/events`, { name: 'Summit', startsAt })).body;
    const page = (await ann.post(`${API}/pages`, { name: 'Acme' })).body;
    expectStatus(await ben.put(`${API}/pages/${page.id}/follow`), 200);
    expectStatus(await cy.put(`${API}/pages/${page.id}/follow`), 200);
    expect((await ben.get(`${API}/events/${event.id}`)).body.attendeeCount).toBe(1);
    expect((await ben.get(`${API}/pages/${page.id}`)).body.followerCount).toBe(3);

    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);

    const seenByBen = (await ben.get(`${API}/events/${event.id}`)).body;
    expect(seenByBen.attendees).toEqual([]);
    expect(seenByBen.attendeeCount).toBe(0);
    expect((await ben.get(`${API}/pages/${page.id}`)).body.followerCount).toBe(2);
    expect((await ben.get(`${API}/pages`)).body.items).toEqual([
      expect.objectContaining({ id: page.id, followerCount: 2 }),
    ]);
    expect((await ann.get(`${API}/pages/${page.id}`)).body.followerCount).toBe(2);
    expect((await ann.get(`${API}/events`)).body.items).toEqual([
      expect.objectContaining({ id: event.id, attendeeCount: 1 }),
    ]);
    expect((await cy.get(`${API}/pages/${page.id}`)).body.followerCount).toBe(3);
    expect((await cy.get(`${API}/events/${event.id}`)).body.attendeeCount).toBe(1);
  });
});

describe('mutual intent after a block is lifted (R3)', () => {
  it("R3: after unblocking, the blocker's invitation to the blocked member connects them at once: the blocked invitation is accepted", async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const id = (await ben.invite(ann)).body.id;
    expectStatus(await ann.put(`${API}/blocks/${ben.handle}`), 204);
    expectStatus(await ann.delete(`${API}/blocks/${ben.handle}`), 204);
    expect((await ann.get(`${API}/members/${ben.handle}`)).body).toMatchObject({
      relationship: 'none',
      canInvite: { ok: true },
    });

    const answer = await ann.invite(ben);
    expectStatus(answer, 200);
    expect(answer.body).toMatchObject({ status: 'connected', member: { handle: ben.handle } });
    expect(await invitationStatus(t, id)).toBe('accepted');
    expect(await handles(ann, `${API}/connections`)).toEqual([ben.handle]);
    expect(await handles(ben, `${API}/connections`)).toEqual([ann.handle]);
    for (const member of [ann, ben]) {
      expect(await connectionCounts(t, member)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
      expect((await member.get(`${API}/invitations/sent`)).body.items).toEqual([]);
      expect((await member.get(`${API}/invitations/received/count`)).body.total).toBe(0);
    }
    // ben hears of it as of an accept.
    const detail = (await ben.get(`${API}/invitations/${id}`)).body;
    expect(detail.status).toBe('accepted');
    const notes = (await ben.get(`${API}/notifications`)).body.items;
    expect(notes.map((n: { actor: { handle: string } | null }) => n.actor?.handle)).toContain(
      ann.handle,
    );
  });

  it('R3: whenever two members become connected, every other open connection invitation between them closes silently, with no cooldown', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const fromAnn = (await ann.invite(ben)).body.id;
    // An invitation back written past the send's checks, as a race or an older version could leave.
    const back = newPendingInvitation(
      {
        kind: 'connection',
        senderId: await memberId(t, ben),
        recipientId: await memberId(t, ann),
        targetId: '',
        note: null,
        howKnown: null,
        now: t.clock.now(),
      },
      t.ctx.config.rules,
    );
    await insertInvitation(t.ctx.database.db, back);
    expect((await ann.get(`${API}/invitations/received/count`)).body.total).toBe(1);

    expectStatus(await ben.post(`${API}/invitations/${fromAnn}/accept`), 200);

    expect(await invitationStatus(t, back.id)).toBe('withdrawn');
    expect((await ann.get(`${API}/invitations/received`)).body.items).toEqual([]);
    expect((await ann.get(`${API}/invitations/received/count`)).body.total).toBe(0);
    expect((await ben.get(`${API}/invitations/sent`)).body.items).toEqual([]);
    expect((await ben.get(`${API}/invitations/sent/count`)).body.total).toBe(0);
    expect((await ben.get(`${API}/invitations/withdrawn.csv`)).body).not.toContain(back.id);
    // Removing the connection lets them invite each other again at once (R19): no cooldown.
    expectStatus(await ben.delete(`${API}/connections/${ann.handle}`), 204);
    expectStatus(await ben.invite(ann), 201);
  });
});
