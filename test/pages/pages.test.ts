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

async function pageOf(admin: Member, name = 'Acme Robotics') {
  const created = await admin.post('/api/v1/pages', { name, description: 'We build robots' });
  expect(created.status).toBe(201);
  return created.body;
}

describe('pages (R21)', () => {
  it('R21: the creator becomes admin and follower; others see the page without its credits', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const page = await pageOf(ann);
    expect(page).toMatchObject({
      name: 'Acme Robotics',
      description: 'We build robots',
      isAdmin: true,
      following: true,
      followerCount: 1,
      credits: { limit: 100, used: 0, remaining: 100, renewsAt: '2026-04-01T00:00:00.000Z' },
    });
    expect(page.admins.map((a: { handle: string }) => a.handle)).toEqual([ann.handle]);

    const seen = await ben.get(`/api/v1/pages/${page.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ isAdmin: false, following: false, credits: null });

    const followed = await ben.put(`/api/v1/pages/${page.id}/follow`);
    expect(followed.body).toMatchObject({ following: true, followerCount: 2 });
    expect((await ben.get('/api/v1/pages')).body.items.map((p: { id: string }) => p.id)).toEqual([
      page.id,
    ]);
    const unfollowed = await ben.delete(`/api/v1/pages/${page.id}/follow`);
    expect(unfollowed.body).toMatchObject({ following: false, followerCount: 1 });
    expect((await ben.get('/api/v1/pages')).body.items).toEqual([]);

    const missing = await ben.get('/api/v1/pages/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('page_not_found');
  });

  it('R21: an admin can make only a connection an admin; a non-admin cannot', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    await connectAll(t, ann, [ben]);
    const page = await pageOf(ann);

    const stranger = await ann.put(`/api/v1/pages/${page.id}/admins/${cat.handle}`);
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('member_not_found');

    const byNonAdmin = await cat.put(`/api/v1/pages/${page.id}/admins/${cat.handle}`);
    expect(byNonAdmin.status).toBe(403);
    expect(byNonAdmin.body.code).toBe('forbidden');

    const added = await ann.put(`/api/v1/pages/${page.id}/admins/${ben.handle}`);
    expect(added.status).toBe(200);
    expect(added.body.admins.map((a: { handle: string }) => a.handle).sort()).toEqual(
      [ann.handle, ben.handle].sort(),
    );
    expect((await ben.get(`/api/v1/pages/${page.id}`)).body).toMatchObject({
      isAdmin: true,
      following: true,
    });
  });

  it('R21: each recipient gets their own outcome and one refusal does not undo the others', async () => {
    const [ann, ben, cat, dan, eve, fay] = await signUp(
      t,
      'ann',
      'ben',
      'cat',
      'dan',
      'eve',
      'fay',
    );
    await connectAll(t, ann, [ben, cat, dan, eve]);
    const page = await pageOf(ann);
    await dan.put(`/api/v1/pages/${page.id}/follow`);
    await eve.patch('/api/v1/settings', { pageInvitations: false });

    const sent = await ann.post(`/api/v1/pages/${page.id}/invitations`, {
      to: [ben.handle, fay.handle, dan.handle, eve.handle, cat.handle, 'nobody-here', ann.handle],
    });
    expect(sent.status).toBe(200);
    const byHandle = Object.fromEntries(sent.body.results.map((r: { to: string }) => [r.to, r]));
    expect(byHandle[ben.handle]).toMatchObject({ status: 'sent' });
    expect(byHandle[cat.handle]).toMatchObject({ status: 'sent' });
    expect(byHandle[fay.handle]).toMatchObject({ status: 'error', code: 'member_not_found' });
    expect(byHandle['nobody-here']).toMatchObject({ status: 'error', code: 'member_not_found' });
    expect(byHandle[dan.handle]).toMatchObject({ status: 'error', code: 'already_following' });
    expect(byHandle[eve.handle]).toMatchObject({
      status: 'error',
      code: 'page_invitations_forbidden',
    });
    expect(byHandle[ann.handle]).toMatchObject({ status: 'error', code: 'cannot_invite_self' });
    expect(sent.body.credits).toMatchObject({ used: 2, remaining: 98 });

    const received = await ben.get('/api/v1/invitations/received?kind=page');
    expect(received.body.items).toHaveLength(1);
    expect(received.body.items[0]).toMatchObject({
      id: byHandle[ben.handle].invitationId,
      kind: 'page',
      target: { id: page.id, name: 'Acme Robotics' },
      sender: { handle: ann.handle },
    });
    expect(
      (await ben.get('/api/v1/notifications')).body.items.map(
        (n: { invitationId: string }) => n.invitationId,
      ),
    ).toContain(byHandle[ben.handle].invitationId);
  });

  it('R21: only admins invite; an unknown page is page_not_found', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    await connectAll(t, ann, [ben]);
    const page = await pageOf(ann);
    const byFollower = await ben.post(`/api/v1/pages/${page.id}/invitations`, { to: [ann.handle] });
    expect(byFollower.status).toBe(403);
    expect(byFollower.body.code).toBe('forbidden');
    const unknown = await ann.post('/api/v1/pages/unknown-page/invitations', { to: [ben.handle] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('page_not_found');
    const empty = await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [] });
    expect(empty.status).toBe(400);
  });

  it('R1 R21: a member has one open invitation per page, whichever admin sends it', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    await connectAll(t, ann, [ben, cat]);
    await connectAll(t, ben, [cat]);
    const page = await pageOf(ann);
    await ann.put(`/api/v1/pages/${page.id}/admins/${ben.handle}`);

    expect(
      (await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [cat.handle] })).body.results[0]
        .status,
    ).toBe('sent');
    const again = await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [cat.handle] });
    expect(again.body.results[0]).toMatchObject({
      status: 'error',
      code: 'invitation_already_open',
    });
    const byOtherAdmin = await ben.post(`/api/v1/pages/${page.id}/invitations`, {
      to: [cat.handle],
    });
    expect(byOtherAdmin.body.results[0]).toMatchObject({
      status: 'error',
      code: 'invitation_already_open',
    });
    expect(byOtherAdmin.body.credits.used).toBe(1);

    // An ignore is silent (R11): to the admins the invitation still reads as open.
    const [invitation] = (await cat.get('/api/v1/invitations/received?kind=page')).body.items;
    await cat.post(`/api/v1/invitations/${invitation.id}/ignore`);
    const afterIgnore = await ben.post(`/api/v1/pages/${page.id}/invitations`, {
      to: [cat.handle],
    });
    expect(afterIgnore.body.results[0].code).toBe('invitation_already_open');
  });

  it('R13 R21: once expired, even before the expiry job ran, an invitation no longer stands in the way', async () => {
    const [ann, ben] = await signUp(t, 'ann', 'ben');
    await connectAll(t, ann, [ben]);
    const page = await pageOf(ann);
    const first = (await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] }))
      .body.results[0];
    t.advanceDays(180);
    const again = await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] });
    expect(again.body.results[0]).toMatchObject({ status: 'sent' });
    expect((await ann.get(`/api/v1/invitations/${first.invitationId}`)).body.status).toBe(
      'expired',
    );
    const received = (await ben.get('/api/v1/invitations/received?kind=page')).body.items;
    expect(received.map((i: { id: string }) => i.id)).toEqual([again.body.results[0].invitationId]);
  });

  it('R6 R21: the open-invitation cap applies to page invitations', async () => {
    const capped = await startApp({ RAPPORT_MAX_OPEN_SENT: '1' });
    try {
      const [ann, ben, cat] = await Promise.all([
        capped.member('ann'),
        capped.member('ben'),
        capped.member('cat'),
      ]);
      await connectAll(capped, ann, [ben, cat]);
      const page = (await ann.post('/api/v1/pages', { name: 'Capped' })).body;
      const sent = await ann.post(`/api/v1/pages/${page.id}/invitations`, {
        to: [ben.handle, cat.handle],
      });
      expect(
        sent.body.results.map((r: { status: string; code?: string }) => r.code ?? r.status),
      ).toEqual(['sent', 'too_many_open_invitations']);
      expect(sent.body.credits.used).toBe(1);
    } finally {
      await capped.close();
    }
  });
});
