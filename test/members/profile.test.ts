import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { connect } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

describe('a member’s view of another member (R24)', () => {
  it('R24: relationship, mutual count, degree and following across a small network', async () => {
    // ann — ben — cat, ann — dan — cat; eve knows no one; fay invited ann.
    const [ann, ben, cat, dan, eve, fay] = await Promise.all([
      t.member('ann'),
      t.member('ben'),
      t.member('cat'),
      t.member('dan'),
      t.member('eve'),
      t.member('fay'),
    ]);
    await connect(ann, ben);
    await connect(ben, cat);
    await connect(ann, dan);
    await connect(dan, cat);
    await connect(ben, dan);
    const invitation = (await fay.invite(ann)).body.id;
    const sentToEve = (await ann.invite(eve)).body.id;

    const view = async (handle: string) => (await ann.get(`/api/v1/members/${handle}`)).body;

    expect(await view(ben.handle)).toMatchObject({
      handle: ben.handle,
      relationship: 'connected',
      invitationId: null,
      degree: 1,
      mutualCount: 1, // dan
      following: true,
      isSelf: false,
      connectionCount: 3,
      canInvite: { ok: false, code: 'already_connected' },
    });
    expect(await view(cat.handle)).toMatchObject({
      relationship: 'none',
      degree: 2,
      mutualCount: 2, // ben and dan
      following: false,
      canInvite: { ok: true },
    });
    expect(await view(eve.handle)).toMatchObject({
      relationship: 'invitation_sent',
      invitationId: sentToEve,
      degree: 3,
      mutualCount: 0,
      canInvite: { ok: false, code: 'invitation_already_open' },
    });
    expect(await view(fay.handle)).toMatchObject({
      relationship: 'invitation_received',
      invitationId: invitation,
      degree: 3,
      // Inviting back would connect at once (R3).
      canInvite: { ok: true },
    });
    expect((await eve.get(`/api/v1/members/${ann.handle}`)).body).toMatchObject({
      relationship: 'invitation_received',
      invitationId: sentToEve,
      invitationIgnored: false,
    });
    expect((await fay.get(`/api/v1/members/${ann.handle}`)).body).toMatchObject({
      relationship: 'invitation_sent',
      invitationId: invitation,
    });
    expect(await view(ann.handle)).toMatchObject({
      isSelf: true,
      degree: 1,
      mutualCount: 0,
      relationship: 'none',
      canInvite: { ok: false, code: 'cannot_invite_self' },
    });
    // A search answers each the degree their profile does.
    for (const [other, degree] of [
      [ben, 1],
      [cat, 2],
      [eve, 3],
    ] as const) {
      const found = (await ann.get(`/api/v1/members?q=${other.handle}`)).body.items;
      expect(found.find((m: { handle: string }) => m.handle === other.handle)).toMatchObject({
        degree,
      });
    }
  });

  it('R24: following is one-way and follows the follow', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expect((await ann.put(`/api/v1/follows/${ben.handle}`)).status).toBe(204);
    expect((await ann.put(`/api/v1/follows/${ben.handle}`)).status).toBe(204);
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body).toMatchObject({
      following: true,
      relationship: 'none',
    });
    const fromBen = (await ben.get(`/api/v1/members/${ann.handle}`)).body;
    expect(fromBen.following).toBe(false);
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body.followerCount).toBe(1);
    expect((await ann.delete(`/api/v1/follows/${ben.handle}`)).status).toBe(204);
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body.following).toBe(false);
    expectProblem(await ann.put(`/api/v1/follows/${ann.handle}`), 400, 'validation_failed');
  });

  it('R24 R16: after a withdrawal canInvite is resend_cooldown with the retry date', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    t.advanceDays(3);
    const withdrawn = await ann.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    const retryAt = withdrawn.body.resendAvailableAt;
    expect(retryAt).toBe(new Date(t.clock.now().getTime() + 21 * 86_400_000).toISOString());
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body).toMatchObject({
      relationship: 'none',
      invitationId: null,
      canInvite: { ok: false, code: 'resend_cooldown', retryAt },
    });
    // The recipient sees nothing of it.
    expect((await ben.get(`/api/v1/members/${ann.handle}`)).body).toMatchObject({
      relationship: 'none',
      canInvite: { ok: true },
    });
    t.advanceDays(21);
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body.canInvite).toEqual({ ok: true });
  });

  it('R24: canInvite gives the same code that sending would', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    await connect(ann, ben);
    await ann.invite(cat);
    for (const other of [ben, cat, ann]) {
      const profile = (await ann.get(`/api/v1/members/${other.handle}`)).body;
      const sending = await ann.invite(other);
      expect(profile.canInvite.ok).toBe(false);
      expect(sending.body.code).toBe(profile.canInvite.code);
    }
  });

  it('R2 R24: an unknown handle answers 404 member_not_found', async () => {
    const ann = await t.member('ann');
    expectProblem(await ann.get('/api/v1/members/nobody-here'), 404, 'member_not_found');
    expectProblem(
      await ann.get(`/api/v1/members/${encodeURIComponent('ñandú-😀')}`),
      404,
      'member_not_found',
    );
  });

  it('handles are matched without regard to case', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expect((await ann.get(`/api/v1/members/${ben.handle.toUpperCase()}`)).body.handle).toBe(
      ben.handle,
    );
  });
});
