import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { memberId } from '../helpers/members.js';

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
    expect((await ben.post(`/api/v1/invitations/${id}/accept`)).body.code).toBe(
      'invitation_not_found',
    );
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
    expect(early.body.retryAt).toBe(
      new Date(withdrawnAt.getTime() + 21 * 86_400_000).toISOString(),
    );

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

  it('R14: the recipient is not notified: no notification, no mail, the invitation mail is cancelled', async () => {
    const [gus, hal] = await Promise.all([t.member('gus'), t.member('hal')]);
    const sent = await gus.invite(hal);
    const halId = await memberId(t, hal);
    const mailBefore = await t.ctx.database.db
      .selectFrom('outbox')
      .select(['template', 'status'])
      .where('recipient_id', '=', halId)
      .execute();
    expect(mailBefore).toEqual([{ template: 'invitation', status: 'pending' }]);

    expect((await gus.post(`/api/v1/invitations/${sent.body.id}/withdraw`)).status).toBe(200);
    const notes = (await hal.get('/api/v1/notifications')).body;
    expect(notes).toMatchObject({ items: [], unread: 0 });
    const mailAfter = await t.ctx.database.db
      .selectFrom('outbox')
      .select(['template', 'status'])
      .where('recipient_id', '=', halId)
      .execute();
    expect(mailAfter).toEqual([{ template: 'invitation', status: 'cancelled' }]);
    expect((await hal.get('/api/v1/me')).body.counts.received).toBe(0);
    expect((await hal.get(`/api/v1/members/${gus.handle}`)).body.relationship).toBe('none');
  });

  it('R14 R16: the withdrawal answers the exact date a resend is allowed', async () => {
    const [ida, jon] = await Promise.all([t.member('ida'), t.member('jon')]);
    const sent = await ida.invite(jon);
    expect(sent.body.resendAvailableAt).toBe(
      new Date(t.clock.now().getTime() + 21 * 86_400_000).toISOString(),
    );
    t.advanceDays(2);
    const withdrawn = await ida.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    const expected = new Date(t.clock.now().getTime() + 21 * 86_400_000).toISOString();
    expect(withdrawn.body.resendAvailableAt).toBe(expected);
    expect((await ida.get('/api/v1/invitations/sent')).body.items).toEqual([]);
    expect((await ida.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
    const refused = expectProblem(await ida.invite(jon), 403, 'resend_cooldown');
    expect(refused.retryAt).toBe(expected);
    expect((await ida.get(`/api/v1/members/${jon.handle}`)).body.canInvite).toEqual({
      ok: false,
      code: 'resend_cooldown',
      retryAt: expected,
    });
  });

  it('R16: the cooldown counts from the latest withdrawal, and only for that recipient', async () => {
    const [max, ned, oli] = await Promise.all([t.member('max'), t.member('ned'), t.member('oli')]);
    const first = await max.invite(ned);
    await max.post(`/api/v1/invitations/${first.body.id}/withdraw`);
    expect((await max.invite(oli)).status).toBe(201);
    t.advanceDays(21);
    const second = await max.invite(ned);
    expect(second.status).toBe(201);
    t.advanceDays(1);
    await max.post(`/api/v1/invitations/${second.body.id}/withdraw`);
    const latest = t.clock.now().getTime();
    t.advanceDays(20);
    const refused = expectProblem(await max.invite(ned), 403, 'resend_cooldown');
    expect(refused.retryAt).toBe(new Date(latest + 21 * 86_400_000).toISOString());
    t.advanceDays(1);
    expect((await max.invite(ned)).status).toBe(201);
  });

  it('R16: the cooldown binds only the sender: the recipient may invite them at once', async () => {
    const [kim, lea] = await Promise.all([t.member('kim'), t.member('lea')]);
    const sent = await kim.invite(lea);
    await kim.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    expect((await lea.invite(kim)).status).toBe(201);
  });
});
