import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

/** The body of a 200 answer to a GET, or to a POST with `payload`; the assertions check it. */
async function ok(member: Member, url: string, payload?: unknown) {
  const reply = payload === undefined ? await member.get(url) : await member.post(url, payload);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

/** Ann's open invitations: two old ones to "Quux" people (one kept), a fresh one, a page one. */
async function annsInvitations() {
  const [ann, ben] = await signUp(t, 'ann', 'ben');
  const zed = await t.member('zed', { name: 'Zed Quuxley' });
  const zoe = await t.member('zoe', { name: 'Zoe Quux' });
  const kim = await t.member('kim', { name: 'Kim Other' });
  const fresh = await t.member('fay', { name: 'Fay Quux' });
  await connectAll(t, ann, [ben]);
  const page = (await ann.post('/api/v1/pages', { name: 'Quux Labs' })).body;
  const toZed = (await ann.invite(zed)).body.id;
  const toZoe = (await ann.invite(zoe)).body.id;
  const toKim = (await ann.invite(kim)).body.id;
  const toPage = (await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] })).body
    .results[0].invitationId;
  expect((await ann.put(`/api/v1/invitations/${toZoe}/keep`)).status).toBe(200);
  t.advanceDays(15);
  const toFresh = (await ann.invite(fresh)).body.id;
  return { ann, toZed, toZoe, toKim, toPage, toFresh };
}

const listIds = async (member: Member, query: string) =>
  (await ok(member, `/api/v1/invitations/sent?limit=100&${query}`)).items.map(
    (i: { id: string }) => i.id,
  );

describe('Sent counts narrow like the Sent list (R40)', () => {
  it('R40: sent/count takes olderThanDays and q, and each total matches the list it stands for', async () => {
    const { ann } = await annsInvitations();
    const count = (query: string) => ok(ann, `/api/v1/invitations/sent/count?${query}`);

    // Stale is what the clean-up would withdraw (R18): the kept one to Zoe is not counted.
    expect(await count('')).toMatchObject({
      total: 5,
      byKind: { connection: 4, page: 1, event: 0 },
      stale: 3,
    });
    expect(await count('q=quux')).toMatchObject({
      total: 4,
      byKind: { connection: 3, page: 1, event: 0 },
    });
    expect(await count('olderThanDays=14')).toMatchObject({
      total: 4,
      byKind: { connection: 3, page: 1, event: 0 },
    });
    expect(await count('olderThanDays=14&q=quux')).toMatchObject({
      total: 3,
      byKind: { connection: 2, page: 1, event: 0 },
    });
    for (const query of ['q=quux', 'olderThanDays=14', 'olderThanDays=14&q=quux', 'q=nobody']) {
      expect((await listIds(ann, query)).length).toBe((await count(query)).total);
    }
  });

  it('R40: bad olderThanDays or q on sent/count answers 400 validation_failed', async () => {
    const m = await t.member('m');
    for (const query of ['olderThanDays=-1', `q=${'x'.repeat(101)}`]) {
      expectProblem(
        await m.get(`/api/v1/invitations/sent/count?${query}`),
        400,
        'validation_failed',
      );
    }
  });
});

describe('bulk withdrawal by the Sent list’s name search (R18, R40)', () => {
  it('R18 R40: q narrows the preview and the withdrawal to the names the list shows; kept and excluded stay', async () => {
    const { ann, toZed, toZoe, toKim, toPage, toFresh } = await annsInvitations();
    const body = { olderThanDays: 0, q: 'quux' };

    const preview = await ok(ann, '/api/v1/invitations/withdraw', { ...body, dryRun: true });
    const outcomes = Object.fromEntries(
      preview.items.map((i: { id: string; outcome: string }) => [i.id, i.outcome]),
    );
    expect(outcomes).toEqual({
      [toZed]: 'would_withdraw',
      [toZoe]: 'kept',
      [toPage]: 'would_withdraw',
      [toFresh]: 'would_withdraw',
    });
    expect(preview.count).toBe(3);

    const done = await ok(ann, '/api/v1/invitations/withdraw', { ...body, excludeIds: [toPage] });
    expect(done.count).toBe(2);
    expect((await listIds(ann, 'order=oldest')).sort()).toEqual([toZoe, toKim, toPage].sort());
  });

  it('R18: q longer than the list’s search answers 400 validation_failed and withdraws nothing', async () => {
    const { ann } = await annsInvitations();
    expectProblem(
      await ann.post('/api/v1/invitations/withdraw', { olderThanDays: 0, q: 'x'.repeat(101) }),
      400,
      'validation_failed',
    );
    expect((await listIds(ann, '')).length).toBe(5);
  });
});

describe('Received counts for pending and ignored invitations (R23, R38)', () => {
  it('R23 R38: received/count counts pending by default, ignored with status=ignored, notes with withNote', async () => {
    const [hub, a, b, c] = await signUp(t, 'hub', 'a', 'b', 'c');
    await a.invite(hub, { note: 'We met at the fair' });
    const fromB = (await b.invite(hub, { note: 'Hello again' })).body.id;
    await c.invite(hub);
    expect((await hub.post(`/api/v1/invitations/${fromB}/ignore`)).status).toBe(204);
    const count = (query: string) => ok(hub, `/api/v1/invitations/received/count?${query}`);

    expect(await count('')).toEqual({ total: 2, byKind: { connection: 2, page: 0, event: 0 } });
    expect((await count('status=pending')).total).toBe(2);
    expect(await count('status=ignored')).toEqual({
      total: 1,
      byKind: { connection: 1, page: 0, event: 0 },
    });
    expect((await count('withNote=true')).total).toBe(1);
    expect((await count('status=ignored&withNote=true')).total).toBe(1);
    expectProblem(
      await hub.get('/api/v1/invitations/received/count?status=accepted'),
      400,
      'validation_failed',
    );

    // R11: the sender still counts an ignored invitation as open, and nothing tells them more.
    expect((await ok(b, '/api/v1/invitations/sent/count')).total).toBe(1);
  });
});
