/**
 * R28 and R32 across processes. On PostgreSQL a process does not look up a token it let in
 * within the hour before a request's work: the lookup travels with the request's first
 * statement (db/carried-check.ts). These revoke tokens and suspend members through a second
 * process on the same database, which the first hears nothing from, and check that the first
 * refuses the very next request and that a refused request leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createContext } from '../../src/context.js';
import { API, type Member, startApp, testConfig, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';

let t: TestApp;
/** The other process: a pool, a token cache and services of its own. */
let other: AppContext;

beforeAll(async () => {
  t = await startApp();
  other = await createContext(
    testConfig(t.ctx.config.databaseUrl, { RAPPORT_LOG_LEVEL: 'silent', RAPPORT_JOBS: 'off' }),
  );
});
afterAll(async () => {
  await other.close();
  await t.close();
});

/** A member whose token this process has let in, and their id and token's id. */
async function letIn(name: string): Promise<{ member: Member; id: string; tokenId: string }> {
  const member = await t.member(name);
  const me = await member.get(`${API}/me`);
  expectStatus(me, 200);
  const tokens = await member.get(`${API}/me/tokens`);
  return { member, id: me.body.id, tokenId: tokens.body.items[0].id };
}

async function invitationsBetween(senderId: string, recipientId: string) {
  return t.ctx.database.db
    .selectFrom('invitations')
    .select(['id', 'status'])
    .where('sender_id', '=', senderId)
    .where('recipient_id', '=', recipientId)
    .execute();
}

describe('a token revoked or a member suspended by another process', () => {
  it('R28: the revoked token is refused at its next request, which writes nothing', async () => {
    const ann = await letIn('ann');
    const bob = await letIn('bob');
    await other.accounts.deleteToken(ann.id, ann.tokenId);

    expectProblem(await ann.member.invite(bob.member), 401, 'unauthenticated');
    expect(await invitationsBetween(ann.id, bob.id)).toEqual([]);
    expectProblem(await ann.member.get(`${API}/me`), 401, 'unauthenticated');
    expectStatus(await bob.member.get(`${API}/me`), 200);
  });

  it('R32: the suspended member is refused at their next request, which writes nothing', async () => {
    const cem = await letIn('cem');
    const dee = await letIn('dee');
    await other.admin.suspend(null, cem.member.handle, 'spam');

    expectProblem(await cem.member.invite(dee.member), 403, 'account_suspended');
    expect(await invitationsBetween(cem.id, dee.id)).toEqual([]);
  });

  it('R28, R39: answering several at once with a revoked token answers none of them', async () => {
    const eve = await letIn('eve');
    const fay = await letIn('fay');
    const sent = await fay.member.invite(eve.member);
    expectStatus(sent, 201);
    await other.accounts.deleteToken(eve.id, eve.tokenId);

    const reply = await eve.member.post(`${API}/invitations/respond`, {
      ids: [sent.body.id],
      action: 'accept',
    });
    expectProblem(reply, 401, 'unauthenticated');
    expect(await invitationsBetween(fay.id, eve.id)).toEqual([
      { id: sent.body.id, status: 'pending' },
    ]);
  });

  it('R28: a revoked token with input that is not valid hears about the token', async () => {
    const gus = await letIn('gus');
    await other.accounts.deleteToken(gus.id, gus.tokenId);
    expectProblem(await gus.member.post(`${API}/invitations`, {}), 401, 'unauthenticated');
  });

  it('R28: a revoked token hears about itself on a route closed to tokens, not that it is closed', async () => {
    const hal = await letIn('hal');
    expectProblem(await hal.member.post(`${API}/me/tokens`, { name: 'x' }), 403, 'forbidden');
    await other.accounts.deleteToken(hal.id, hal.tokenId);
    expectProblem(await hal.member.post(`${API}/me/tokens`, { name: 'x' }), 401, 'unauthenticated');
  });

  it('R28: a token used again after an hour is looked up first and its use recorded', async () => {
    const hal = await letIn('hal');
    const before = (await hal.member.get(`${API}/me/tokens`)).body.items[0].lastUsedAt;
    t.clock.advance(61 * 60_000);
    expectStatus(await hal.member.get(`${API}/me`), 200);
    const after = (await hal.member.get(`${API}/me/tokens`)).body.items[0].lastUsedAt;
    expect(new Date(after) > new Date(before)).toBe(true);
  });
});
