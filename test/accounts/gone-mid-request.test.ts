/**
 * R29, R32: a request is let in before its member leaves or is suspended, and its transaction
 * runs after that. Racing requests reach that moment by chance; here the services are called
 * directly once the member is gone, as such a request calls them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startApp, type TestApp } from '../helpers/app.js';
import { memberId } from '../helpers/members.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

/** Rows a member wrote that name them as the one who acted. */
async function writtenBy(id: string): Promise<Record<string, number>> {
  const db = t.ctx.database.db;
  const count = async (rows: Promise<unknown[]>) => (await rows).length;
  return {
    invitations: await count(
      db.selectFrom('invitations').select('id').where('sender_id', '=', id).execute(),
    ),
    follows: await count(
      db.selectFrom('follows').select('follower_id').where('follower_id', '=', id).execute(),
    ),
    blocks: await count(
      db.selectFrom('blocks').select('blocker_id').where('blocker_id', '=', id).execute(),
    ),
    connections: await count(
      db.selectFrom('connections').select('member_id').where('member_id', '=', id).execute(),
    ),
  };
}

const NOTHING = { invitations: 0, follows: 0, blocks: 0, connections: 0 };

describe('R29 R32 a request let in just before its member left or was suspended', () => {
  it('R32: a suspended member invites, follows, blocks and accepts nothing, however late their request runs', async () => {
    const [ann, bob, cat] = await Promise.all([t.member('ann'), t.member('bob'), t.member('cat')]);
    const invited = await cat.invite(ann);
    expect(invited.status).toBe(201);
    const annId = await memberId(t, ann);
    await t.ctx.admin.suspend(null, ann.handle, 'Sends advertising');

    const suspended = { code: 'account_suspended' };
    await expect(t.ctx.invitations.send(annId, { to: bob.handle })).rejects.toMatchObject(
      suspended,
    );
    await expect(t.ctx.follows.follow(annId, bob.handle)).rejects.toMatchObject(suspended);
    await expect(t.ctx.blocks.block(annId, bob.handle)).rejects.toMatchObject(suspended);
    await expect(t.ctx.invitations.accept(annId, invited.body.id)).rejects.toMatchObject(suspended);
    expect(await writtenBy(annId)).toEqual(NOTHING);
  });

  it('R29: a member who left invites, follows and blocks no one, however late their request runs', async () => {
    const [dan, eve] = await Promise.all([t.member('dan'), t.member('eve')]);
    const danId = await memberId(t, dan);
    await t.ctx.leaving.leave(danId, PASSWORD);

    const gone = { code: 'unauthenticated' };
    await expect(t.ctx.invitations.send(danId, { to: eve.handle })).rejects.toMatchObject(gone);
    await expect(t.ctx.follows.follow(danId, eve.handle)).rejects.toMatchObject(gone);
    await expect(t.ctx.blocks.block(danId, eve.handle)).rejects.toMatchObject(gone);
    expect(await writtenBy(danId)).toEqual(NOTHING);
  });
});
