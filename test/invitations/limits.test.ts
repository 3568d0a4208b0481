import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { connect, connectionCounts, invitationStatus } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ RAPPORT_MAX_CONNECTIONS: '2' });
});
afterAll(async () => {
  await t.close();
});

/** A member who already has the 2 connections this app allows. */
async function memberAtLimit(name: string): Promise<Member> {
  const [full, x, y] = await Promise.all([t.member(name), t.member('x'), t.member('y')]);
  await connect(x, full);
  await connect(y, full);
  expect((await full.get('/api/v1/me')).body.counts.connections).toBe(2);
  return full;
}

describe('connection limit (R7) with RAPPORT_MAX_CONNECTIONS=2', () => {
  it('R7: a member at the limit cannot send: 403 sender_connection_limit', async () => {
    const [full, other] = await Promise.all([memberAtLimit('full'), t.member('other')]);
    expectProblem(await full.invite(other), 403, 'sender_connection_limit');
    const profile = (await full.get(`/api/v1/members/${other.handle}`)).body;
    expect(profile.canInvite).toEqual({ ok: false, code: 'sender_connection_limit' });
  });

  it('R7: an invitation to a member at the limit is refused with canFollow; following still works', async () => {
    const [full, fan] = await Promise.all([memberAtLimit('full'), t.member('fan')]);
    const refused = expectProblem(await fan.invite(full), 403, 'recipient_connection_limit');
    expect(refused.canFollow).toBe(true);
    expect((await fan.get(`/api/v1/members/${full.handle}`)).body.canInvite).toEqual({
      ok: false,
      code: 'recipient_connection_limit',
    });

    expect((await fan.put(`/api/v1/follows/${full.handle}`)).status).toBe(204);
    const profile = (await fan.get(`/api/v1/members/${full.handle}`)).body;
    expect(profile.following).toBe(true);
    expect(
      (await full.get('/api/v1/followers')).body.items.map(
        (i: { member: { handle: string } }) => i.member.handle,
      ),
    ).toContain(fan.handle);
  });

  it('R7: accepting at the limit answers 409 connection_limit_reached and changes nothing', async () => {
    const [full, early] = await Promise.all([t.member('full'), t.member('early')]);
    const pending = await early.invite(full);
    expect(pending.status).toBe(201);
    const [x, y] = await Promise.all([t.member('x'), t.member('y')]);
    await connect(x, full);
    await connect(y, full);

    expectProblem(
      await full.post(`/api/v1/invitations/${pending.body.id}/accept`),
      409,
      'connection_limit_reached',
    );
    expect(await invitationStatus(t, pending.body.id)).toBe('pending');
    expect(await connectionCounts(t, full)).toEqual({ stored: 2, rows: 2, reverseRows: 2 });
    expect(await connectionCounts(t, early)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });

    // After removing a connection there is room again, and the same invitation can be accepted.
    expect((await full.delete(`/api/v1/connections/${x.handle}`)).status).toBe(204);
    expect((await full.post(`/api/v1/invitations/${pending.body.id}/accept`)).status).toBe(200);
    expect(await connectionCounts(t, full)).toEqual({ stored: 2, rows: 2, reverseRows: 2 });
  });

  it('R7: accepting an invitation from a sender who reached the limit meanwhile is refused too', async () => {
    const [sender, late] = await Promise.all([t.member('sender'), t.member('late')]);
    const pending = await sender.invite(late);
    const [x, y] = await Promise.all([t.member('x'), t.member('y')]);
    await connect(x, sender);
    await connect(y, sender);
    const refused = expectProblem(
      await late.post(`/api/v1/invitations/${pending.body.id}/accept`),
      409,
      'connection_limit_reached',
    );
    expect(refused.canFollow).toBe(true);
    expect(await connectionCounts(t, late)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
  });

  it('R7 R3: a mutual invitation does not connect past the limit', async () => {
    const [full, other] = await Promise.all([t.member('full'), t.member('other')]);
    const pending = await full.invite(other);
    const [x, y] = await Promise.all([t.member('x'), t.member('y')]);
    await connect(x, full);
    await connect(y, full);
    expectProblem(await other.invite(full), 403, 'recipient_connection_limit');
    expect(await invitationStatus(t, pending.body.id)).toBe('pending');
    expect(await connectionCounts(t, full)).toEqual({ stored: 2, rows: 2, reverseRows: 2 });
  });
});
