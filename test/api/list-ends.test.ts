/**
 * R40: the account's lists that once came in one page (sessions, tokens, webhooks, people you
 * may know) page by cursor like every other list, and walking them reaches their last item with
 * each item once, in their order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { walk } from '../helpers/lists.js';
import { connect } from '../helpers/network.js';
import { newSession } from '../helpers/session.js';
import { Receiver } from '../integrations/receiver.js';

let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await startApp({ RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1' });
  receiver = await new Receiver().start();
});
afterAll(async () => {
  await t.close();
  await receiver.stop();
});

type Dated = { id: string; createdAt: string };

/** Newest first, each id once: the order the account's lists give. */
function expectNewestFirst(items: Dated[]): void {
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  const keys = items.map((i) => `${i.createdAt} ${i.id}`);
  expect(keys).toEqual([...keys].sort().reverse());
}

describe('R40 the account lists reach their end', () => {
  it('R28 R40: sessions page by cursor to the last one', async () => {
    const ann = await t.member('ann');
    for (let i = 0; i < 4; i++) await newSession(t.app, ann.email);
    t.clock.advance(60_000);
    for (let i = 0; i < 3; i++) await newSession(t.app, ann.email);

    // The sign-up's session and the seven sign-ins, two at a time, ties broken by id.
    const { items, pages } = await walk<Dated>(ann, '/api/v1/me/sessions', 2);
    expect(items).toHaveLength(8);
    expect(pages).toBe(4);
    expectNewestFirst(items);
  });

  it('R28 R40: personal access tokens page by cursor to the last one', async () => {
    const ben = await t.member('ben');
    const session = await newSession(t.app, ben.email);
    for (let i = 0; i < 6; i++) {
      if (i === 3) t.clock.advance(60_000);
      const made = await session.request('POST', '/api/v1/me/tokens', { name: `script ${i}` });
      expect(made.status).toBe(201);
    }

    const { items, pages } = await walk<Dated>(ben, '/api/v1/me/tokens', 3);
    expect(items).toHaveLength(7);
    expect(pages).toBe(3);
    expectNewestFirst(items);
  });

  it('R35 R40: webhooks page by cursor to the last one', async () => {
    const cat = await t.member('cat');
    for (let i = 0; i < 5; i++) {
      if (i === 2) t.clock.advance(60_000);
      const made = await cat.post('/api/v1/me/webhooks', {
        url: receiver.url(`/cat-${i}`),
        events: ['invitation.sent'],
      });
      expect(made.status).toBe(201);
    }

    const { items, pages } = await walk<Dated>(cat, '/api/v1/me/webhooks', 2);
    expect(items).toHaveLength(5);
    expect(pages).toBe(3);
    expectNewestFirst(items);
  });

  it('R35 R40: a webhook’s delivery log pages by cursor to its first try', async () => {
    const dan = await t.member('dan');
    const made = await dan.post('/api/v1/me/webhooks', {
      url: receiver.url('/dan'),
      events: ['invitation.sent'],
    });
    for (let i = 0; i < 5; i++)
      expect((await dan.invite(await t.member(`pal${i}`))).status).toBe(201);
    expect((await t.runJobs()).status).toBe(200);

    type Attempt = { id: string; attemptedAt: string; deliveryId: string };
    const { items, pages } = await walk<Attempt>(
      dan,
      `/api/v1/me/webhooks/${made.body.id}/deliveries`,
      2,
    );
    expect(items).toHaveLength(5);
    expect(pages).toBe(3);
    expect(new Set(items.map((i) => i.deliveryId)).size).toBe(5);
  });

  it('R40: people you may know page by cursor, most mutual connections first, past the ones left out', async () => {
    const [eve, hub, other] = await Promise.all([
      t.member('eve'),
      t.member('hub'),
      t.member('other'),
    ]);
    await connect(eve, hub);
    await connect(eve, other);
    // Seven second-degree members: the first three share two connections with eve, the rest one.
    const known: Member[] = [];
    for (let i = 0; i < 7; i++) {
      const friend = await t.member(`friend${i}`);
      await connect(hub, friend);
      if (i < 3) await connect(other, friend);
      known.push(friend);
    }
    // Invited either way: never suggested, wherever they fall in the order.
    expect((await eve.invite(known[1]!)).status).toBe(201);
    expect((await known[5]!.invite(eve)).status).toBe(201);

    type Suggestion = { member: { handle: string }; mutualCount: number };
    const { items, pages } = await walk<Suggestion>(eve, '/api/v1/suggestions', 2);
    const handles = items.map((i) => i.member.handle);
    expect(new Set(handles).size).toBe(handles.length);
    expect(handles.sort()).toEqual([0, 2, 3, 4, 6].map((i) => known[i]!.handle).sort());
    expect(items.map((i) => i.mutualCount)).toEqual([2, 2, 1, 1, 1]);
    expect(pages).toBe(3);
    expect(
      (await eve.get('/api/v1/suggestions?cursor=WyIyIiwiYSJd')).status,
      'a cursor whose count is text is refused',
    ).toBe(400);
  });
});
