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

  it('a page holds as many as it asks for, however many invited or blocked ones rank above them (R40)', async () => {
    const [viewer, friend, later, last] = await Promise.all([
      t.member('viewer'),
      t.member('friend'),
      t.member('later'),
      t.member('last'),
    ]);
    await connect(viewer, friend);
    // Six second-degree members the viewer may not be offered, each with more mutuals than
    // `later` and `last`: invited either way, blocked either way, or in a resend cooldown.
    const [inviting, invited, blocked, blocking, cooling, expired] = await Promise.all([
      t.member('inviting'),
      t.member('invited'),
      t.member('blocked'),
      t.member('blocking'),
      t.member('cooling'),
      t.member('expired'),
    ]);
    const other = await t.member('other');
    await connect(viewer, other);
    for (const member of [inviting, invited, blocked, blocking, cooling, expired]) {
      await connect(friend, member);
      await connect(other, member);
    }
    // Past its expiry, an invitation the expiry job has not marked yet no longer holds one back.
    expect((await expired.invite(viewer)).status).toBe(201);
    t.advanceDays(170);
    expect((await viewer.invite(invited)).status).toBe(201);
    expect((await inviting.invite(viewer)).status).toBe(201);
    expect((await viewer.put(`/api/v1/blocks/${blocked.handle}`)).status).toBe(204);
    expect((await blocking.put(`/api/v1/blocks/${viewer.handle}`)).status).toBe(204);
    const withdrawn = await viewer.invite(cooling);
    expect((await viewer.post(`/api/v1/invitations/${withdrawn.body.id}/withdraw`)).status).toBe(
      200,
    );
    await connect(friend, later);
    await connect(friend, last);
    t.advanceDays(10);
    const pages = [];
    let cursor = '';
    do {
      const page = (await viewer.get(`/api/v1/suggestions?limit=1${cursor}`)).body;
      pages.push(page.items.map((i: { member: { handle: string } }) => i.member.handle));
      cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : '';
    } while (cursor);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toEqual([expired.handle]);
    expect(pages.slice(1).flat().sort()).toEqual([later.handle, last.handle].sort());
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
