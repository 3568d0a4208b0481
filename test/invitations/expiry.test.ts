import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { invitationStatus } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

describe('expiry (R13) and what starts no cooldown (R16)', () => {
  it('R13 R16: an invitation expires after 180 days, leaves both lists, and starts no cooldown', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    t.advanceDays(179);
    await t.runJobs();
    expect(await invitationStatus(t, sent.body.id)).toBe('pending');
    expect((await ann.get('/api/v1/invitations/sent/count')).body.total).toBe(1);

    t.advanceDays(1);
    await t.runJobs();
    expect(await invitationStatus(t, sent.body.id)).toBe('expired');
    expect((await ann.get('/api/v1/invitations/sent')).body.items).toEqual([]);
    expect((await ann.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
    expect((await ben.get('/api/v1/invitations/received')).body.items).toEqual([]);
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(0);
    expect((await ben.get('/api/v1/notifications')).body.items).toEqual([]);
    expectProblem(
      await ben.get(`/api/v1/invitations/${sent.body.id}`),
      404,
      'invitation_not_found',
    );
    expect((await ann.get(`/api/v1/invitations/${sent.body.id}`)).body.status).toBe('expired');

    // No cooldown: the profile says so and a new invitation goes out at once.
    const profile = (await ann.get(`/api/v1/members/${ben.handle}`)).body;
    expect(profile).toMatchObject({ relationship: 'none', canInvite: { ok: true } });
    expect((await ann.invite(ben)).status).toBe(201);
  });

  it('R13: running the expiry job twice changes nothing the second time', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    await ann.invite(ben);
    t.advanceDays(180);
    const first = await t.runJobs();
    const second = await t.runJobs();
    expect(first.body.results.expiry.expired).toBeGreaterThanOrEqual(1);
    expect(second.body.results.expiry.expired).toBe(0);
  });

  it('R16: an ignore starts no cooldown: after it expires the sender may invite again at once', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    await ben.post(`/api/v1/invitations/${sent.body.id}/ignore`);
    // While it is open the sender hears only what an unseen invitation would say: no cooldown.
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body.canInvite).toEqual({
      ok: false,
      code: 'invitation_already_open',
    });
    t.advanceDays(180);
    await t.runJobs();
    expect(await invitationStatus(t, sent.body.id)).toBe('expired');
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body.canInvite).toEqual({ ok: true });
    expect((await ann.invite(ben)).status).toBe(201);
  });

  it('R16: an ignore with reason dont_know starts no cooldown for the recipient inviting back', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    await ben.post(`/api/v1/invitations/${sent.body.id}/ignore`, { reason: 'dont_know' });
    t.advanceDays(180);
    await t.runJobs();
    expect((await ben.invite(ann)).status).toBe(201);
    expect((await ann.invite(ben)).status).toBe(200);
  });

  it('R13: an invitation past its expiry reads as gone even before the job has run', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    t.advanceDays(180);
    expect((await ann.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(0);
    expect((await ann.get(`/api/v1/invitations/${sent.body.id}`)).body).toMatchObject({
      status: 'expired',
      history: [{ type: 'sent' }, { type: 'expired' }],
    });
    expectProblem(
      await ben.get(`/api/v1/invitations/${sent.body.id}`),
      404,
      'invitation_not_found',
    );
    expectProblem(
      await ben.post(`/api/v1/invitations/${sent.body.id}/accept`),
      404,
      'invitation_not_found',
    );
    expectProblem(
      await ann.post(`/api/v1/invitations/${sent.body.id}/withdraw`),
      409,
      'invitation_not_open',
    );
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body).toMatchObject({
      relationship: 'none',
      canInvite: { ok: true },
    });
    const again = await ann.invite(ben);
    expect(again.status).toBe(201);
    expect(await invitationStatus(t, sent.body.id)).toBe('expired');
  });
});
