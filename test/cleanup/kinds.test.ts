import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { signUp } from '../helpers/members.js';
import { mailStatuses } from '../helpers/mail.js';
import { connectAll } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;

/** ann admins a page and organizes an event, and has invited ben to both. */
async function invitedToBoth(): Promise<{
  ann: Member;
  ben: Member;
  page: { id: string };
  event: { id: string; startsAt: string };
  pageInv: string;
  eventInv: string;
}> {
  const [ann, ben] = await signUp(t, 'ann', 'ben');
  await connectAll(t, ann, [ben]);
  const page = (await ann.post('/api/v1/pages', { name: 'Acme' })).body;
  const startsAt = new Date(t.clock.now().getTime() + 60 * DAY).toISOString();
  const event = (await ann.post('/api/v1/events', { name: 'Meetup', startsAt })).body;
  const pageInv = (await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] }))
    .body.results[0];
  const eventInv = (await ann.post(`/api/v1/events/${event.id}/invitations`, { to: [ben.handle] }))
    .body.results[0];
  expect([pageInv.status, eventInv.status]).toEqual(['sent', 'sent']);
  return { ann, ben, page, event, pageInv: pageInv.invitationId, eventInv: eventInv.invitationId };
}

describe('page and event invitations in the lists and under withdrawal (R14–R17, R23)', () => {
  it('R23: both kinds appear in Received and Sent, filtered by kind, with their target', async () => {
    const { ann, ben, page, event, pageInv, eventInv } = await invitedToBoth();
    const received = await ben.get('/api/v1/invitations/received/count');
    expect(received.body).toEqual({ total: 2, byKind: { connection: 0, page: 1, event: 1 } });
    const pages = (await ben.get('/api/v1/invitations/received?kind=page')).body.items;
    expect(pages.map((i: { id: string }) => i.id)).toEqual([pageInv]);
    expect(pages[0].target).toEqual({ id: page.id, name: 'Acme' });
    const events = (await ben.get('/api/v1/invitations/received?kind=event')).body.items;
    expect(events.map((i: { id: string }) => i.id)).toEqual([eventInv]);
    expect(events[0].target).toEqual({
      id: event.id,
      name: 'Meetup',
      startsAt: event.startsAt,
      location: '',
    });

    const sentPages = (await ann.get('/api/v1/invitations/sent?kind=page')).body.items;
    expect(sentPages.map((i: { id: string; target: unknown }) => [i.id, i.target])).toEqual([
      [pageInv, { id: page.id, name: 'Acme' }],
    ]);
    const sentEvents = (await ann.get('/api/v1/invitations/sent?kind=event')).body.items;
    expect(sentEvents.map((i: { id: string }) => i.id)).toEqual([eventInv]);
    expect((await ann.get('/api/v1/invitations/sent?kind=connection')).body.items).toEqual([]);
    expect((await ann.get('/api/v1/invitations/sent/count')).body.byKind).toEqual({
      connection: 0,
      page: 1,
      event: 1,
    });
  });

  it('R14 R15: a withdrawn page invitation vanishes from the recipient: list, count, notification, mail, detail', async () => {
    const { ann, ben, pageInv, eventInv } = await invitedToBoth();
    expect(await mailStatuses(t, pageInv)).toEqual(['pending']);
    const withdrawn = await ann.post(`/api/v1/invitations/${pageInv}/withdraw`);
    expect(withdrawn.status).toBe(200);

    expect((await ben.get('/api/v1/invitations/received?kind=page')).body.items).toEqual([]);
    expect((await ben.get('/api/v1/invitations/received/count')).body.byKind).toEqual({
      connection: 0,
      page: 0,
      event: 1,
    });
    const notified = (await ben.get('/api/v1/notifications')).body.items.map(
      (n: { invitationId: string }) => n.invitationId,
    );
    expect(notified).toEqual([eventInv]);
    expect(await mailStatuses(t, pageInv)).toEqual(['cancelled']);
    expect((await ben.get(`/api/v1/invitations/${pageInv}`)).status).toBe(404);
    const accept = await ben.post(`/api/v1/invitations/${pageInv}/accept`);
    expect(accept.status).toBe(404);
    expect(accept.body.code).toBe('invitation_not_found');
    expect((await ann.get('/api/v1/invitations/sent?kind=page')).body.items).toEqual([]);
  });

  it('R16: after withdrawing, the same page cannot be resent for 21 days; another page can', async () => {
    const { ann, ben, page, pageInv } = await invitedToBoth();
    await ann.post(`/api/v1/invitations/${pageInv}/withdraw`);
    const withdrawnAt = t.clock.now().getTime();

    t.advanceDays(20);
    const early = await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] });
    expect(early.body.results[0]).toMatchObject({
      status: 'error',
      code: 'resend_cooldown',
      retryAt: new Date(withdrawnAt + 21 * DAY).toISOString(),
    });
    const other = (await ann.post('/api/v1/pages', { name: 'Other page' })).body;
    expect(
      (await ann.post(`/api/v1/pages/${other.id}/invitations`, { to: [ben.handle] })).body
        .results[0].status,
    ).toBe('sent');

    t.advanceDays(1);
    expect(
      (await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] })).body.results[0]
        .status,
    ).toBe('sent');
  });

  it('R11 R14 R17: an ignored event invitation still reads as pending to its sender, who can withdraw it once', async () => {
    const { ann, ben, eventInv } = await invitedToBoth();
    expect((await ben.post(`/api/v1/invitations/${eventInv}/ignore`)).status).toBe(204);
    const sent = (await ann.get('/api/v1/invitations/sent?kind=event')).body.items;
    expect(sent.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [eventInv, 'pending'],
    ]);
    expect((await ann.get(`/api/v1/invitations/${eventInv}`)).body.status).toBe('pending');

    expect((await ann.post(`/api/v1/invitations/${eventInv}/withdraw`)).status).toBe(200);
    const twice = await ann.post(`/api/v1/invitations/${eventInv}/withdraw`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('invitation_not_open');
    expect((await ben.post(`/api/v1/invitations/${eventInv}/accept`)).status).toBe(404);
  });
});
