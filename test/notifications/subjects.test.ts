import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

describe('what a notification is about', () => {
  it('R10 R21 R22: page and event invitations and their accepts name the page or the event, with its date and place', async () => {
    const [ann, ben] = await signUp(t, 'ann', 'ben');
    await connectAll(t, ann, [ben]);
    const page = (await ann.post('/api/v1/pages', { name: 'Acme Robotics' })).body;
    const startsAt = new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString();
    const event = (
      await ann.post('/api/v1/events', { name: 'Product breakfast', startsAt, location: 'Berlin' })
    ).body;
    await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] });
    await ann.post(`/api/v1/events/${event.id}/invitations`, { to: [ben.handle] });

    // Both were sent at the same moment of the test clock, so their order is not asserted.
    const received = (await ben.get('/api/v1/notifications')).body.items;
    expect(received).toHaveLength(2);
    expect(received).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'invitation_received',
          invitation: { kind: 'page', target: { id: page.id, name: 'Acme Robotics' } },
        }),
        expect.objectContaining({
          type: 'invitation_received',
          invitation: {
            kind: 'event',
            target: { id: event.id, name: 'Product breakfast', startsAt, location: 'Berlin' },
          },
        }),
      ]),
    );

    const [fromPage] = (await ben.get('/api/v1/invitations/received?kind=page')).body.items;
    expect((await ben.post(`/api/v1/invitations/${fromPage.id}/accept`)).status).toBe(200);
    const [accepted] = (await ann.get('/api/v1/notifications')).body.items;
    expect(accepted).toMatchObject({
      type: 'invitation_accepted',
      actor: { handle: ben.handle },
      invitation: { kind: 'page', target: { id: page.id, name: 'Acme Robotics' } },
    });

    const [sentToEvent] = (await ann.get('/api/v1/invitations/sent?kind=event')).body.items;
    expect(sentToEvent.target).toEqual({
      id: event.id,
      name: 'Product breakfast',
      startsAt,
      location: 'Berlin',
    });
  });

  it('R10: a connection invitation is about no page or event', async () => {
    const [cat, dan] = await signUp(t, 'cat', 'dan');
    await cat.invite(dan);
    const [notification] = (await dan.get('/api/v1/notifications')).body.items;
    expect(notification).toMatchObject({
      type: 'invitation_received',
      invitation: { kind: 'connection', target: null },
    });
  });
});
