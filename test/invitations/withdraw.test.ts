import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

describe('withdrawing (R14–R17)', () => {
  it('R14 R15: a withdrawn invitation vanishes from the recipient: list, count, notification, detail', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben, { note: 'Hello Ben' });
    expect(sent.status).toBe(201);
    const id = sent.body.id;
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(1);
    expect((await ben.get('/api/v1/notifications')).body.items).toHaveLength(1);

    const withdrawn = await ann.post(`/api/v1/invitations/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.invitation.status).toBe('withdrawn');

    expect((await ben.get('/api/v1/invitations/received')).body.items).toEqual([]);
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(0);
    expect((await ben.get('/api/v1/notifications')).body.items).toEqual([]);
    const detail = await ben.get(`/api/v1/invitations/${id}`);
    expect(detail.status).toBe(404);
    expect(detail.body.code).toBe('invitation_not_found');
    expect((await ben.post(`/api/v1/invitations/${id}/accept`)).body.code).toBe('invitation_not_found');
  });

  it('R16: the sender cannot invite again for 21 days: refused at day 20, allowed at day 21', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    const sent = await cat.invite(dan);
    await cat.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    const withdrawnAt = t.clock.now();

    t.advanceDays(20);
    const early = await cat.invite(dan);
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('resend_cooldown');
    expect(early.body.retryAt).toBe(new Date(withdrawnAt.getTime() + 21 * 86_400_000).toISOString());

    t.advanceDays(1);
    expect((await cat.invite(dan)).status).toBe(201);
  });

  it('R17: withdrawing twice answers 409 invitation_not_open to the sender', async () => {
    const [eve, fay] = await Promise.all([t.member('eve'), t.member('fay')]);
    const sent = await eve.invite(fay);
    await eve.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    const again = await eve.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invitation_not_open');
  });
});
