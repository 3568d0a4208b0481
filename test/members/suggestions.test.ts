import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { connect } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

const handles = async (m: Member) =>
  (await m.get('/api/v1/suggestions')).body.items.map(
    (i: { member: { handle: string } }) => i.member.handle,
  );

describe('people you may know', () => {
  it('second-degree members by mutual count; never connected, invited either way, or cooling down (R16)', async () => {
    const [ann, ben, cat, dan, eve] = await Promise.all([
      t.member('ann'),
      t.member('ben'),
      t.member('cat'),
      t.member('dan'),
      t.member('eve'),
    ]);
    // ann — ben, ann — cat; ben and cat both know dan, only ben knows eve.
    await connect(ann, ben);
    await connect(ann, cat);
    await connect(ben, dan);
    await connect(cat, dan);
    await connect(ben, eve);
    const first = (await ann.get('/api/v1/suggestions')).body.items;
    expect(first.map((i: { member: { handle: string } }) => i.member.handle)).toEqual([
      dan.handle,
      eve.handle,
    ]);
    expect(first.map((i: { mutualCount: number }) => i.mutualCount)).toEqual([2, 1]);

    const sent = await ann.invite(dan);
    expect(await handles(ann)).toEqual([eve.handle]);
    await ann.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    expect(await handles(ann)).toEqual([eve.handle]); // cooldown
    t.advanceDays(21);
    expect(await handles(ann)).toEqual([dan.handle, eve.handle]);

    await eve.invite(ann); // invited the other way
    expect(await handles(ann)).toEqual([dan.handle]);
    await connect(ann, dan);
    expect(await handles(ann)).toEqual([]);
  });

  it('a page reads a bounded number of candidates: past many invited ones it comes back short, and its cursor goes on to the rest (R40)', async () => {
    const [viewer, friend, later] = await Promise.all([
      t.member('viewer'),
      t.member('friend'),
      t.member('later'),
    ]);
    await connect(viewer, friend);
    // Five second-degree members the viewer has invited, each with more mutuals than `later`.
    const invited = await Promise.all([1, 2, 3, 4, 5].map((n) => t.member(`invited-${n}`)));
    const other = await t.member('other');
    await connect(viewer, other);
    for (const member of invited) {
      await connect(friend, member);
      await connect(other, member);
      expect((await viewer.invite(member)).status).toBe(201);
    }
    await connect(friend, later);

    const first = (await viewer.get('/api/v1/suggestions?limit=1')).body;
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const second = (await viewer.get(`/api/v1/suggestions?limit=1&cursor=${first.nextCursor}`))
      .body;
    expect(second.items.map((i: { member: { handle: string } }) => i.member.handle)).toEqual([
      later.handle,
    ]);
  });

  it('the limit is bounded, 1 to 100 like every list (R40)', async () => {
    const ann = await t.member('ann');
    expect((await ann.get('/api/v1/suggestions?limit=100')).status).toBe(200);
    expectProblem(await ann.get('/api/v1/suggestions?limit=101'), 400, 'validation_failed');
    expectProblem(await ann.get('/api/v1/suggestions?limit=0'), 400, 'validation_failed');
  });
});

describe('profile changes and search', () => {
  it('PATCH /me trims and saves; search finds the new words; an empty patch is refused', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const patched = await ann.patch('/api/v1/me', {
      name: '  Ann Quantumfield ',
      headline: 'Builds   bridges ',
      company: 'Zebracorp',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Ann Quantumfield',
      headline: 'Builds   bridges',
      company: 'Zebracorp',
    });
    const found = (await ben.get('/api/v1/members?q=quantumfield')).body.items;
    expect(found.map((m: { handle: string }) => m.handle)).toEqual([ann.handle]);
    expect((await ben.get('/api/v1/members?q=ZEBRACORP')).body.items).toHaveLength(1);
    expect((await ben.get('/api/v1/members?q=%25')).status).toBe(200);
    expectProblem(await ann.patch('/api/v1/me', {}), 400, 'validation_failed');
    expectProblem(await ann.patch('/api/v1/me', { name: '   ' }), 400, 'validation_failed');
    expectProblem(await ann.patch('/api/v1/me', { email: 'x@y.z' }), 400, 'validation_failed');
  });
});

describe('search takes "_", "%" and "\\" as themselves', () => {
  /** Members whose name, headline or company holds each character, and one that only looks alike. */
  const lookAlikes = () =>
    Promise.all([
      t.member('under', { name: 'Bob Smith_10' }),
      t.member('plain', { name: 'Bob Smith910' }),
      t.member('percent', { name: 'Dee Sure', headline: '100% remote' }),
      t.member('slash', { name: 'Eve', company: 'Back\\slash Ltd' }),
    ]);

  async function expectEachFoundAsItself(
    search: (q: string) => Promise<string[]>,
    [under, plain, percent, slash]: Member[],
  ) {
    const found = async (q: string) => (await search(encodeURIComponent(q))).sort();
    expect(await found('smith_1')).toEqual([under!.handle]);
    expect(await found('smith')).toEqual([plain!.handle, under!.handle].sort());
    expect(await found('_')).toEqual([under!.handle]);
    expect(await found('%')).toEqual([percent!.handle]);
    expect(await found('100% r')).toEqual([percent!.handle]);
    expect(await found('\\')).toEqual([slash!.handle]);
    expect(await found('k\\s')).toEqual([slash!.handle]);
  }

  it('member search: q= finds exactly the members whose text holds it', async () => {
    const viewer = await t.member('viewer');
    await expectEachFoundAsItself(
      async (q) =>
        (await viewer.get(`/api/v1/members?q=${q}`)).body.items.map(
          (m: { handle: string }) => m.handle,
        ),
      await lookAlikes(),
    );
  });

  it('connections: q= finds exactly the connections whose text holds it', async () => {
    const viewer = await t.member('viewer');
    const peers = await lookAlikes();
    for (const peer of peers) await connect(viewer, peer);
    await expectEachFoundAsItself(
      async (q) =>
        (await viewer.get(`/api/v1/connections?q=${q}`)).body.items.map(
          (c: { member: { handle: string } }) => c.member.handle,
        ),
      peers,
    );
  });
});
