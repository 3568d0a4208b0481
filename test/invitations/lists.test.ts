import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { walk } from '../helpers/lists.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

type Item = { id: string; sentAt: string };

describe('counts and lists (R23)', () => {
  it('R23: the received count is pending invitations only', async () => {
    const [rec, a, b, c, d, e] = await Promise.all([
      t.member('rec'),
      t.member('a'),
      t.member('b'),
      t.member('c'),
      t.member('d'),
      t.member('e'),
    ]);
    const ids: string[] = [];
    for (const sender of [a, b, c, d, e]) ids.push((await sender.invite(rec)).body.id);
    expect((await rec.get('/api/v1/invitations/received/count')).body).toEqual({
      total: 5,
      byKind: { connection: 5, page: 0, event: 0 },
    });
    await rec.post(`/api/v1/invitations/${ids[0]}/ignore`); // ignored
    await rec.post(`/api/v1/invitations/${ids[1]}/accept`); // accepted
    await b.post(`/api/v1/invitations/${ids[1]}/withdraw`); // too late: stays accepted
    await c.post(`/api/v1/invitations/${ids[2]}/withdraw`); // withdrawn
    const count = (await rec.get('/api/v1/invitations/received/count')).body;
    expect(count).toEqual({ total: 2, byKind: { connection: 2, page: 0, event: 0 } });
    const listed = (await rec.get('/api/v1/invitations/received')).body.items.map(
      (i: Item) => i.id,
    );
    expect(listed.sort()).toEqual([ids[3], ids[4]].sort());
    expect((await rec.get('/api/v1/me')).body.counts.received).toBe(2);
  });

  it('R23: the Sent list is newest first, with pending and ignored both shown as pending', async () => {
    const sender = await t.member('sender');
    const recipients = await Promise.all([
      t.member('r'),
      t.member('r'),
      t.member('r'),
      t.member('r'),
    ]);
    const ids: string[] = [];
    for (const r of recipients) {
      ids.push((await sender.invite(r)).body.id);
      t.advanceDays(1);
    }
    await recipients[1].post(`/api/v1/invitations/${ids[1]}/ignore`);
    await recipients[2].post(`/api/v1/invitations/${ids[2]}/accept`);
    const items = (await sender.get('/api/v1/invitations/sent')).body.items;
    expect(items.map((i: Item) => i.id)).toEqual([ids[3], ids[1], ids[0]]);
    expect(items.map((i: { status: string }) => i.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    const times = items.map((i: Item) => i.sentAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('R23: the Sent list filters by kind and by age; the count gives stale ones', async () => {
    const sender = await t.member('sender');
    const [old, mid, fresh] = await Promise.all([
      t.member('old'),
      t.member('mid'),
      t.member('fresh'),
    ]);
    const oldId = (await sender.invite(old)).body.id;
    t.advanceDays(10);
    const midId = (await sender.invite(mid)).body.id;
    t.advanceDays(10);
    const freshId = (await sender.invite(fresh)).body.id;
    // Now: old is 20 days old, mid 10, fresh 0.
    const ids = async (query: string) =>
      (await sender.get(`/api/v1/invitations/sent${query}`)).body.items.map((i: Item) => i.id);
    expect(await ids('')).toEqual([freshId, midId, oldId]);
    expect(await ids('?olderThanDays=14')).toEqual([oldId]);
    expect(await ids('?olderThanDays=10')).toEqual([midId, oldId]);
    expect(await ids('?olderThanDays=0')).toEqual([freshId, midId, oldId]);
    expect(await ids('?olderThanDays=21')).toEqual([]);
    expect(await ids('?kind=connection')).toEqual([freshId, midId, oldId]);
    expect(await ids('?kind=page')).toEqual([]);
    expect(await ids('?kind=event&olderThanDays=14')).toEqual([]);
    expect(await ids('?kind=connection&olderThanDays=14')).toEqual([oldId]);
    expectProblem(
      await sender.get('/api/v1/invitations/sent?kind=people'),
      400,
      'validation_failed',
    );
    expectProblem(
      await sender.get('/api/v1/invitations/sent?olderThanDays=-1'),
      400,
      'validation_failed',
    );
    expect((await sender.get('/api/v1/invitations/sent/count')).body).toEqual({
      total: 3,
      byKind: { connection: 3, page: 0, event: 0 },
      keptByKind: { connection: 0, page: 0, event: 0 },
      stale: 1,
    });
  });

  it('R23: with limit=2 the cursor walks every item exactly once, in order, on both lists', async () => {
    const hub = await t.member('hub');
    const others = await Promise.all(Array.from({ length: 7 }, () => t.member('peer')));
    const sentIds: string[] = [];
    for (const [i, other] of others.entries()) {
      sentIds.push((await hub.invite(other)).body.id);
      // Some share a timestamp, so the id breaks ties.
      if (i % 3 === 2) t.advanceDays(1);
    }
    const receivers = await Promise.all(Array.from({ length: 5 }, () => t.member('fan')));
    for (const fan of receivers) await fan.invite(hub);

    const full = (await hub.get('/api/v1/invitations/sent?limit=100')).body.items.map(
      (i: Item) => i.id,
    );
    expect([...full].sort()).toEqual([...sentIds].sort());
    const sent = await walk(hub, '/api/v1/invitations/sent', 2);
    expect(sent.items.map((i) => i.id)).toEqual(full);
    expect(sent.pages).toBe(4);

    const received = await walk(hub, '/api/v1/invitations/received', 2);
    expect(received.items).toHaveLength(5);
    expect(new Set(received.items.map((i) => i.id)).size).toBe(5);
    const fullReceived = (await hub.get('/api/v1/invitations/received')).body.items.map(
      (i: Item) => i.id,
    );
    expect(received.items.map((i) => i.id)).toEqual(fullReceived);

    // Filters hold across pages.
    const filtered = await walk(hub, '/api/v1/invitations/sent?kind=connection&olderThanDays=1', 2);
    const expected = (await hub.get('/api/v1/invitations/sent?olderThanDays=1')).body.items.map(
      (i: Item) => i.id,
    );
    expect(filtered.items.map((i) => i.id)).toEqual(expected);
  });

  it('R23: a page cursor stays right when a newer invitation arrives between pages', async () => {
    const hub = await t.member('hub');
    const others = await Promise.all(Array.from({ length: 4 }, () => t.member('peer')));
    for (const other of others) {
      await hub.invite(other);
      t.advanceDays(1);
    }
    const first = (await hub.get('/api/v1/invitations/sent?limit=2')).body;
    await hub.invite(await t.member('late'));
    const second = (
      await hub.get(
        `/api/v1/invitations/sent?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
      )
    ).body;
    const seen = [...first.items, ...second.items].map((i: Item) => i.id);
    expect(new Set(seen).size).toBe(4);
    expect(second.nextCursor).toBeNull();
  });

  it('R23: a cursor the server did not give out answers 400; limits outside 1..100 answer 400', async () => {
    const m = await t.member('m');
    const garbage = [
      'garbage',
      '!!!!',
      Buffer.from('{"key":1}').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["only-one"]').toString('base64url'),
    ];
    for (const list of ['sent', 'received']) {
      for (const cursor of garbage) {
        expectProblem(
          await m.get(`/api/v1/invitations/${list}?cursor=${encodeURIComponent(cursor)}`),
          400,
          'validation_failed',
        );
      }
      for (const limit of ['0', '101', '1000', '-1', 'ten', '1.5']) {
        expectProblem(
          await m.get(`/api/v1/invitations/${list}?limit=${limit}`),
          400,
          'validation_failed',
        );
      }
      expect((await m.get(`/api/v1/invitations/${list}?limit=1`)).status).toBe(200);
      expect((await m.get(`/api/v1/invitations/${list}?limit=100`)).status).toBe(200);
    }
  });

  it('R40: a cursor is taken only by the list and order it was given out for', async () => {
    const [rec, a, b, c] = await Promise.all([
      t.member('rec'),
      t.member('a'),
      t.member('b'),
      t.member('c'),
    ]);
    for (const sender of [a, b, c]) await sender.invite(rec);
    for (const recipient of [b, c]) await a.invite(recipient);
    for (const [member, list] of [
      [rec, 'received'],
      [a, 'sent'],
    ] as const) {
      const newest = await member.get(`/api/v1/invitations/${list}?limit=1`);
      const cursor = encodeURIComponent(newest.body.nextCursor);
      const next = await member.get(`/api/v1/invitations/${list}?limit=1&cursor=${cursor}`);
      expect(next.status).toBe(200);
      const refused = await member.get(
        `/api/v1/invitations/${list}?limit=1&order=oldest&cursor=${cursor}`,
      );
      expectProblem(refused, 400, 'validation_failed');
      expect(refused.body.detail).toMatch(/another list or order/);
    }
    const received = await rec.get('/api/v1/invitations/received?limit=1');
    const inOtherList = await rec.get(
      `/api/v1/connections?cursor=${encodeURIComponent(received.body.nextCursor)}`,
    );
    expectProblem(inOtherList, 400, 'validation_failed');
    // Sent and Received share their order and columns, and still tell their cursors apart.
    const sent = await a.get('/api/v1/invitations/sent?limit=1');
    const sentCursor = encodeURIComponent(sent.body.nextCursor);
    const inReceived = await a.get(`/api/v1/invitations/received?cursor=${sentCursor}`);
    expectProblem(inReceived, 400, 'validation_failed');
    expect(inReceived.body.detail).toMatch(/another list or order/);
  });
});
