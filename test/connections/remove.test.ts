import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { connect, connectionCounts, pairState } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

describe('removing a connection (R19)', () => {
  it('R19: either side removes; both follows end; no one is told; counts drop', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    await connect(ann, ben);
    await connect(ann, cat);
    expect((await cat.put(`/api/v1/follows/${ben.handle}`)).status).toBe(204);
    const benNotesBefore = (await ben.get('/api/v1/notifications')).body;
    expect((await ann.get('/api/v1/me')).body.counts).toMatchObject({
      connections: 2,
      followers: 2,
      following: 2,
    });

    expect((await ben.delete(`/api/v1/connections/${ann.handle}`)).status).toBe(204);

    expect(await pairState(t, ann, ben)).toEqual({
      aToB: false,
      bToA: false,
      aFollowsB: false,
      bFollowsA: false,
    });
    expect(await connectionCounts(t, ann)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
    expect(await connectionCounts(t, ben)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
    expect((await ann.get('/api/v1/me')).body.counts).toMatchObject({
      connections: 1,
      followers: 1,
      following: 1,
    });
    expect((await ben.get('/api/v1/me')).body.counts).toMatchObject({
      connections: 0,
      followers: 1, // cat's own follow is not between them and stays
      following: 0,
    });
    const annList = (await ann.get('/api/v1/connections')).body.items;
    expect(annList.map((c: { member: { handle: string } }) => c.member.handle)).toEqual([
      cat.handle,
    ]);
    expect((await ben.get('/api/v1/connections')).body.items).toEqual([]);

    // Nobody is notified: ann has only the accept notifications she had, ben nothing new.
    const annNotes = (await ann.get('/api/v1/notifications')).body.items;
    expect(annNotes.every((n: { type: string }) => n.type === 'invitation_accepted')).toBe(true);
    expect(annNotes).toHaveLength(2);
    expect((await ben.get('/api/v1/notifications')).body).toEqual(benNotesBefore);
    const profile = (await ann.get(`/api/v1/members/${ben.handle}`)).body;
    expect(profile).toMatchObject({
      relationship: 'none',
      following: false,
      canInvite: { ok: true },
    });
  });

  it('R19: they may invite each other again at once, either way', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    await connect(ann, ben);
    expect((await ann.delete(`/api/v1/connections/${ben.handle}`)).status).toBe(204);
    const again = await ann.invite(ben);
    expect(again.status).toBe(201);
    await ann.post(`/api/v1/invitations/${again.body.id}/withdraw`);
    // ann now has a cooldown from her withdrawal, but ben, who removed nobody, may invite.
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    await connect(cat, dan);
    expect((await cat.delete(`/api/v1/connections/${dan.handle}`)).status).toBe(204);
    expect((await dan.invite(cat)).status).toBe(201);
  });

  it('R19: removing someone who is not a connection answers 404', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expectProblem(
      await ann.delete(`/api/v1/connections/${ben.handle}`),
      404,
      'connection_not_found',
    );
    expectProblem(await ann.delete('/api/v1/connections/no-such-member'), 404, 'member_not_found');
    await connect(ann, ben);
    expect((await ann.delete(`/api/v1/connections/${ben.handle}`)).status).toBe(204);
    expectProblem(
      await ben.delete(`/api/v1/connections/${ann.handle}`),
      404,
      'connection_not_found',
    );
    expect(await connectionCounts(t, ann)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
  });

  it('R19: both sides removing at once leave counts equal to the rows', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    for (let round = 0; round < 5; round++) {
      await connect(ann, ben);
      const replies = await Promise.all([
        ann.delete(`/api/v1/connections/${ben.handle}`),
        ben.delete(`/api/v1/connections/${ann.handle}`),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([204, 404]);
      expect(await connectionCounts(t, ann)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
      expect(await connectionCounts(t, ben)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
    }
  });
});
