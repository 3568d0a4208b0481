import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { walk } from '../helpers/lists.js';
import { signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';
import { KINDS } from '../../src/modules/invitations/invitation.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

type Item = { id: string; status: string; sentAt: string; mutualCount?: number };

const ids = (items: { id: string }[]) => items.map((i) => i.id);

async function list(member: Member, url: string): Promise<Item[]> {
  const reply = await member.get(url);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.items;
}

/** `sender` invites `count` new members, some in the same millisecond so the id breaks ties. */
async function sendMany(sender: Member, count: number): Promise<string[]> {
  const sent: string[] = [];
  for (let i = 0; i < count; i++) {
    sent.push((await sender.invite(await t.member('peer'))).body.id);
    if (i % 3 === 2) t.advanceDays(1);
  }
  return sent;
}

describe('every order of the Sent list reaches its end (R40)', () => {
  it('R40: Sent pages concatenate to the whole list in both orders while invitations are added between pages', async () => {
    const hub = await t.member('hub');
    const sent = await sendMany(hub, 7);
    const newest = ids(await list(hub, '/api/v1/invitations/sent?limit=100'));
    expect([...newest].sort()).toEqual([...sent].sort());
    const oldest = ids(await list(hub, '/api/v1/invitations/sent?order=oldest&limit=100'));
    expect(oldest).toEqual([...newest].reverse());

    const added: string[] = [];
    const addOne = async () => {
      t.advanceDays(1);
      added.push((await hub.invite(await t.member('late'))).body.id);
    };
    // Newer invitations land before the first page: a newest-first walk neither repeats nor skips.
    const down = await walk(hub, '/api/v1/invitations/sent?order=newest', 2, addOne);
    expect(ids(down.items)).toEqual(newest);
    expect(down.pages).toBe(4);
    // An oldest-first walk meets them at its end, after everything it started with.
    const before = ids(await list(hub, '/api/v1/invitations/sent?order=oldest&limit=100'));
    const up = await walk(hub, '/api/v1/invitations/sent?order=oldest', 3, addOne);
    expect(ids(up.items).slice(0, before.length)).toEqual(before);
    expect(ids(up.items)).toEqual(
      ids(await list(hub, '/api/v1/invitations/sent?order=oldest&limit=100')),
    );
    expect(new Set(ids(up.items)).size).toBe(up.items.length);
    expect(up.items.length).toBeGreaterThan(before.length);
  });

  it('R40: Sent of every kind interleaves people, pages and events by sent time across pages, in both orders', async () => {
    const ann = await t.member('ann');
    const page = (await ann.post('/api/v1/pages', { name: 'Acme' })).body;
    const startsAt = new Date(t.clock.now().getTime() + 60 * 86_400_000).toISOString();
    const event = (await ann.post('/api/v1/events', { name: 'Meetup', startsAt })).body;
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [toPerson, toPage, toEvent] = await signUp(t, 'peer', 'fan', 'guest');
      await connectAll(t, ann, [toPage, toEvent]);
      sent.push((await ann.invite(toPerson)).body.id);
      // Each round's three share a sent time at first, so the id orders them; later rounds
      // place one kind's invitation between the others' by the day.
      if (i > 1) t.advanceDays(1);
      const toPageReply = await ann.post(`/api/v1/pages/${page.id}/invitations`, {
        to: [toPage.handle],
      });
      sent.push(toPageReply.body.results[0].invitationId);
      if (i > 2) t.advanceDays(1);
      const toEventReply = await ann.post(`/api/v1/events/${event.id}/invitations`, {
        to: [toEvent.handle],
      });
      sent.push(toEventReply.body.results[0].invitationId);
      t.advanceDays(1);
    }
    const everyKind = await list(ann, '/api/v1/invitations/sent?limit=100');
    const bySent = (a: Item, b: Item) =>
      a.sentAt === b.sentAt ? (a.id < b.id ? 1 : -1) : a.sentAt < b.sentAt ? 1 : -1;
    const ofEachKind: Item[] = [];
    for (const kind of KINDS)
      ofEachKind.push(...(await list(ann, `/api/v1/invitations/sent?kind=${kind}&limit=100`)));
    expect(ids(everyKind)).toEqual(ids(ofEachKind.sort(bySent)));
    expect([...ids(everyKind)].sort()).toEqual([...sent].sort());

    for (const limit of [1, 2, 4]) {
      const newest = await walk(ann, '/api/v1/invitations/sent', limit);
      expect(ids(newest.items)).toEqual(ids(everyKind));
      const oldest = await walk(ann, '/api/v1/invitations/sent?order=oldest', limit);
      expect(ids(oldest.items)).toEqual(ids(everyKind).reverse());
    }
  });

  it('R40: Sent q= matches the recipient’s name or handle, or the page’s or event’s name, across pages', async () => {
    const [ann, ben, cat] = await signUp(t, 'ann', 'ben', 'cat');
    const zed = await t.member('zed', { name: 'Zed Quuxley' });
    const zoe = await t.member('zoe', { name: 'Zoë Quux' });
    await connectAll(t, ann, [ben, cat]);
    const page = (await ann.post('/api/v1/pages', { name: 'Acme Labs' })).body;
    const startsAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const event = (await ann.post('/api/v1/events', { name: 'Quux Meetup', startsAt })).body;
    // Only names and handles count: this recipient's headline and company say "quux".
    const kit = await t.member('kit', { name: 'Kit Lane' });
    await kit.patch('/api/v1/me', { headline: 'Quux engineer', company: 'Quux Corp' });
    const toKit = (await ann.invite(kit)).body.id;
    t.advanceDays(1);
    const toZed = (await ann.invite(zed)).body.id;
    t.advanceDays(1);
    const toZoe = (await ann.invite(zoe)).body.id;
    t.advanceDays(1);
    const pageInv = (await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] }))
      .body.results[0].invitationId;
    t.advanceDays(1);
    const eventInv = (
      await ann.post(`/api/v1/events/${event.id}/invitations`, { to: [cat.handle] })
    ).body.results[0].invitationId;
    const search = async (query: string) =>
      ids(await list(ann, `/api/v1/invitations/sent?${query}`));

    expect(await search('q=quux')).toEqual([eventInv, toZoe, toZed]);
    expect(await search('q=QUUX&order=oldest')).toEqual([toZed, toZoe, eventInv]);
    expect(await search(`q=${encodeURIComponent('zoë')}`)).toEqual([toZoe]);
    expect(await search(`q=${encodeURIComponent('ZOË')}`)).toEqual([toZoe]);
    expect(await search('q=acme')).toEqual([pageInv]);
    expect(await search(`q=${ben.handle}`)).toEqual([pageInv]);
    expect(await search('q=quux&kind=connection')).toEqual([toZoe, toZed]);
    expect(await search('q=nobody')).toEqual([]);
    // LIKE wildcards match only themselves.
    expect(await search(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent('q_ux')}`)).toEqual([]);
    const paged = await walk(ann, '/api/v1/invitations/sent?q=quux&order=oldest', 1);
    expect(ids(paged.items)).toEqual([toZed, toZoe, eventInv]);

    // R20: a recipient who blocked the sender is matched by the name and handle they had then.
    await kit.put(`/api/v1/blocks/${ann.handle}`);
    await kit.patch('/api/v1/me', { name: 'Kit Quux' });
    expect(await search('q=quux')).toEqual([eventInv, toZoe, toZed]);
    expect(await search('q=lane')).toEqual([toKit]);
    expect(await search(`q=${kit.handle}`)).toEqual([toKit]);
  });

  it('R40: Sent q= takes "_", "%" and "\\" as themselves in recipients’ names, frozen recipients and page names', async () => {
    const [ann, ben] = await signUp(t, 'ann', 'ben');
    await connectAll(t, ann, [ben]);
    const page = (await ann.post('/api/v1/pages', { name: 'Plan_B' })).body;
    const recipients = await Promise.all(
      ['Bob Smith_10', 'Bob Smith910', 'Dee 100% Sure', 'Eve Back\\slash', 'Fay Frozen_Name'].map(
        (name) => t.member('peer', { name }),
      ),
    );
    const sent: string[] = [];
    for (const recipient of recipients) {
      sent.push((await ann.invite(recipient)).body.id);
      t.advanceDays(1);
    }
    const [toSmith, toSmith9, toDee, toEve, toFay] = sent;
    const pageInv = (await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] }))
      .body.results[0].invitationId;
    // R20: Fay blocks Ann and renames herself; Ann still finds her by the name she had then.
    const fay = recipients[4]!;
    await fay.put(`/api/v1/blocks/${ann.handle}`);
    await fay.patch('/api/v1/me', { name: 'Fay Thawed' });
    const search = async (q: string) =>
      ids(await list(ann, `/api/v1/invitations/sent?q=${encodeURIComponent(q)}`));

    expect(await search('Smith_1')).toEqual([toSmith]);
    expect(await search('_')).toEqual([pageInv, toFay, toSmith]);
    expect(await search('frozen_name')).toEqual([toFay]);
    expect(await search('plan_b')).toEqual([pageInv]);
    expect(await search('%')).toEqual([toDee]);
    expect(await search('100% s')).toEqual([toDee]);
    expect(await search('\\')).toEqual([toEve]);
    expect(await search('k\\s')).toEqual([toEve]);
    expect(await search('smith')).toEqual([toSmith9, toSmith]);
  });

  it('R40: bad order or q answers 400 validation_failed', async () => {
    const m = await t.member('m');
    // An empty order is no order given (test/api/empty-query-values.test.ts), not a bad one.
    for (const query of ['order=random', 'order=oldest,newest', `q=${'x'.repeat(101)}`]) {
      expectProblem(await m.get(`/api/v1/invitations/sent?${query}`), 400, 'validation_failed');
    }
  });
});

describe('the Received list by status, note, mutual connections and order (R38, R40)', () => {
  it('R38 R40: pending or ignored, with a note, with mutual connections, in either order', async () => {
    const [hub, a, b, c, d, m1, m2] = await signUp(t, 'hub', 'a', 'b', 'c', 'd', 'm1', 'm2');
    await connectAll(t, hub, [m1, m2]);
    await connectAll(t, b, [m1, m2]);
    await connectAll(t, c, [m1]);
    const fromA = (await a.invite(hub, { note: 'We met at the fair' })).body.id;
    t.advanceDays(1);
    const fromB = (await b.invite(hub)).body.id;
    t.advanceDays(1);
    const fromC = (await c.invite(hub, { note: 'Hello again' })).body.id;
    t.advanceDays(1);
    const fromD = (await d.invite(hub)).body.id;
    for (const id of [fromC, fromD]) {
      expect((await hub.post(`/api/v1/invitations/${id}/ignore`)).status).toBe(204);
    }
    const received = async (query: string) =>
      list(hub, `/api/v1/invitations/received${query ? `?${query}` : ''}`);

    expect(ids(await received(''))).toEqual([fromB, fromA]);
    expect(ids(await received('status=pending&order=oldest'))).toEqual([fromA, fromB]);
    const ignored = await received('status=ignored');
    expect(ignored.map((i) => [i.id, i.status])).toEqual([
      [fromD, 'ignored'],
      [fromC, 'ignored'],
    ]);
    expect(ids(await received('status=ignored&order=oldest'))).toEqual([fromC, fromD]);
    expect(ids(await received('withNote=true'))).toEqual([fromA]);
    expect(ids(await received('withNote=false'))).toEqual([fromB, fromA]);
    expect(ids(await received('status=ignored&withNote=true'))).toEqual([fromC]);
    const mutual = await received('minMutual=2');
    expect(mutual.map((i) => [i.id, i.mutualCount])).toEqual([[fromB, 2]]);
    expect(ids(await received('minMutual=3'))).toEqual([]);
    expect(ids(await received('minMutual=0'))).toEqual([fromB, fromA]);
    expect(ids(await received('status=ignored&minMutual=1'))).toEqual([fromC]);
    expect(ids(await received('status=ignored&kind=page'))).toEqual([]);

    // R11: the sender of an ignored invitation still sees it as pending, and nowhere as ignored.
    const sentByC = await list(c, '/api/v1/invitations/sent');
    expect(sentByC.map((i) => [i.id, i.status])).toEqual([[fromC, 'pending']]);
    expect(await list(c, '/api/v1/invitations/received?status=ignored')).toEqual([]);
    expect((await hub.get('/api/v1/invitations/received/count')).body.total).toBe(2);
  });

  it('R40: minMutual counts exactly whichever of the two has fewer connections, up to the threshold', async () => {
    const [hub, few, many, ...peers] = await signUp(
      t,
      'hub',
      'few',
      'many',
      ...Array.from({ length: 9 }, (_, i) => `peer${i}`),
    );
    // The hub has five connections: `few` has three, all shared, so its own list is walked;
    // `many` has six, two shared, so the hub's is.
    await connectAll(t, hub, peers.slice(0, 5));
    await connectAll(t, few, peers.slice(2, 5));
    await connectAll(t, many, peers.slice(3, 9));
    const fromFew = (await few.invite(hub)).body.id;
    t.advanceDays(1);
    const fromMany = (await many.invite(hub)).body.id;
    const withAtLeast = async (n: number) =>
      ids(await list(hub, `/api/v1/invitations/received?minMutual=${n}`));

    expect(await withAtLeast(1)).toEqual([fromMany, fromFew]);
    expect(await withAtLeast(2)).toEqual([fromMany, fromFew]);
    expect(await withAtLeast(3)).toEqual([fromFew]);
    expect(await withAtLeast(4)).toEqual([]);
    // As many shared connections as a member may have (R7).
    expect(await withAtLeast(30_000)).toEqual([]);
    const listed = await list(hub, '/api/v1/invitations/received');
    expect(listed.map((i) => [i.id, i.mutualCount])).toEqual([
      [fromMany, 2],
      [fromFew, 3],
    ]);
  });

  it('R38 R40: Received pages, pending and ignored, concatenate to the whole list while invitations arrive', async () => {
    const hub = await t.member('hub');
    const fans = await Promise.all(Array.from({ length: 10 }, () => t.member('fan')));
    for (const [i, fan] of fans.entries()) {
      const id = (await fan.invite(hub)).body.id;
      if (i % 2 === 1) await hub.post(`/api/v1/invitations/${id}/ignore`);
      if (i % 3 === 2) t.advanceDays(1);
    }
    let arrivals = 0;
    const arrive = async () => {
      t.advanceDays(1);
      const id = (await (await t.member('late')).invite(hub)).body.id;
      // Every other arrival is ignored at once, so both lists change while they are walked.
      if (++arrivals % 2 === 0) await hub.post(`/api/v1/invitations/${id}/ignore`);
    };
    const count = async (status: string) =>
      (await list(hub, `/api/v1/invitations/received?status=${status}&limit=100`)).length;
    expect([await count('pending'), await count('ignored')]).toEqual([5, 5]);
    for (const status of ['pending', 'ignored']) {
      const url = `/api/v1/invitations/received?status=${status}`;
      const newest = ids(await list(hub, `${url}&limit=100`));
      const down = await walk(hub, `${url}&order=newest`, 2, arrive);
      expect(ids(down.items)).toEqual(newest);

      const before = ids(await list(hub, `${url}&order=oldest&limit=100`));
      const up = await walk(hub, `${url}&order=oldest`, 2, arrive);
      expect(ids(up.items).slice(0, before.length)).toEqual(before);
      expect(ids(up.items)).toEqual(ids(await list(hub, `${url}&order=oldest&limit=100`)));
      expect(new Set(ids(up.items)).size).toBe(up.items.length);
    }
  });

  it('R38 R40: bad status, order, withNote or minMutual answers 400 validation_failed', async () => {
    const m = await t.member('m');
    for (const query of [
      'status=accepted',
      'status=withdrawn',
      'order=latest',
      'withNote=maybe',
      'minMutual=-1',
      'minMutual=1.5',
      'minMutual=many',
      'minMutual=10000001',
    ]) {
      expectProblem(await m.get(`/api/v1/invitations/received?${query}`), 400, 'validation_failed');
    }
  });
});
