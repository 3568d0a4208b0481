/**
 * Racing requests through the real app. On PostgreSQL they run in parallel through the pool,
 * so these check the conditional updates and row locks (CONVENTIONS 7); on SQLite they check
 * that the same code serialises to one outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { memberRow } from '../helpers/members.js';
import { connectionCounts, invitationStatus, pairState } from '../helpers/network.js';
import {
  createInvitation,
  sendTransaction,
} from '../../src/modules/invitations/invitation.create.js';

const MAX = 5;
let t: TestApp;
beforeAll(async () => {
  t = await startApp({ RAPPORT_MAX_CONNECTIONS: String(MAX) });
});
afterAll(async () => {
  await t.close();
});

async function members(name: string, n: number): Promise<[Member, Member, ...Member[]]> {
  const [first, second, ...rest] = await Promise.all(
    Array.from({ length: n }, () => t.member(name)),
  );
  if (!first || !second) throw new Error('two members were signed up');
  return [first, second, ...rest];
}

describe('racing requests (R7, R10, R14, R17)', () => {
  it('R10 R14 R17: accept and withdraw of one invitation at once: exactly one wins, 30 times', async () => {
    const [ann, ben] = await members('racer', 2);
    const outcomes = { accepted: 0, withdrawn: 0 };
    for (let round = 0; round < 30; round++) {
      const sent = await ann.invite(ben);
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      const id: string = sent.body.id;
      const [accept, withdraw] = await Promise.all([
        ben.post(`/api/v1/invitations/${id}/accept`),
        ann.post(`/api/v1/invitations/${id}/withdraw`),
      ]);
      const statuses = [accept.status, withdraw.status];
      expect(
        statuses.filter((s) => s === 200),
        JSON.stringify([accept.body, withdraw.body]),
      ).toHaveLength(1);
      const status = await invitationStatus(t, id);
      const state = await pairState(t, ann, ben);
      if (accept.status === 200) {
        outcomes.accepted++;
        expect(withdraw.status).toBe(409);
        expect(withdraw.body.code).toBe('invitation_not_open');
        expect(status).toBe('accepted');
        expect(state).toEqual({ aToB: true, bToA: true, aFollowsB: true, bFollowsA: true });
        expect(await connectionCounts(t, ann)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
        expect(await connectionCounts(t, ben)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
        // Back to no connection for the next round: removing starts no cooldown (R19).
        expect((await ann.delete(`/api/v1/connections/${ben.handle}`)).status).toBe(204);
      } else {
        outcomes.withdrawn++;
        expect(accept.status).toBe(404);
        expect(accept.body.code).toBe('invitation_not_found');
        expect(status).toBe('withdrawn');
        expect(state).toEqual({ aToB: false, bToA: false, aFollowsB: false, bFollowsA: false });
        expect(await connectionCounts(t, ann)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
        expect(await connectionCounts(t, ben)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
        // The withdrawal started a cooldown; move past it for the next round.
        t.advanceDays(21);
      }
      const notes = (await ann.get('/api/v1/notifications')).body.items;
      expect(notes.filter((n: { invitationId: string }) => n.invitationId === id)).toHaveLength(
        accept.status === 200 ? 1 : 0,
      );
    }
    expect(outcomes.accepted + outcomes.withdrawn).toBe(30);
  });

  it('R17: the same invitation accepted twice at once: one 200, one 409, one connection', async () => {
    const [ann, ben] = await members('double', 2);
    for (let round = 0; round < 10; round++) {
      const sent = await ann.invite(ben);
      const replies = await Promise.all([
        ben.post(`/api/v1/invitations/${sent.body.id}/accept`),
        ben.post(`/api/v1/invitations/${sent.body.id}/accept`),
      ]);
      expect(
        replies.map((r) => r.status).sort(),
        JSON.stringify(replies.map((r) => r.body)),
      ).toEqual([200, 409]);
      expect(await connectionCounts(t, ben)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
      expect((await ann.delete(`/api/v1/connections/${ben.handle}`)).status).toBe(204);
    }
  });

  it('R3: two members inviting each other at once end up connected once, with no open invitation', async () => {
    for (let round = 0; round < 5; round++) {
      const [ann, ben] = await members('mutual', 2);
      const replies = await Promise.all([ann.invite(ben), ben.invite(ann)]);
      expect(
        replies.map((r) => r.status).sort(),
        JSON.stringify(replies.map((r) => r.body)),
      ).toEqual([200, 201]);
      expect(await connectionCounts(t, ann)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
      expect((await ann.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
      expect((await ben.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
    }
  });

  it(`R7: one member accepting 10 invitations at once never passes ${MAX} connections`, async () => {
    const [hub, ...senders] = await members('hub', 11);
    const ids: string[] = [];
    for (const sender of senders) ids.push((await sender.invite(hub)).body.id);
    const replies = await Promise.all(
      ids.map((id) => hub.post(`/api/v1/invitations/${id}/accept`)),
    );
    const ok = replies.filter((r) => r.status === 200).length;
    expect(ok).toBe(MAX);
    for (const r of replies.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('connection_limit_reached');
    }
    expect(await connectionCounts(t, hub)).toEqual({ stored: MAX, rows: MAX, reverseRows: MAX });
    let connectedSenders = 0;
    for (const sender of senders) {
      const counts = await connectionCounts(t, sender);
      expect(counts.stored).toBe(counts.rows);
      connectedSenders += counts.rows;
    }
    expect(connectedSenders).toBe(MAX);
    const statuses = await Promise.all(ids.map((id) => invitationStatus(t, id)));
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(MAX);
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(10 - MAX);
  });

  it(`R7: 10 recipients accepting one member’s invitations at once never push it past ${MAX}`, async () => {
    const [hub, ...recipients] = await members('sender', 11);
    const sent = await Promise.all(recipients.map((r) => hub.invite(r)));
    expect(sent.map((s) => s.status)).toEqual(recipients.map(() => 201));
    const replies = await Promise.all(
      recipients.map((r, i) => r.post(`/api/v1/invitations/${sent[i]!.body.id}/accept`)),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(MAX);
    for (const r of replies.filter((r) => r.status !== 200)) {
      expect({ status: r.status, code: r.body.code }).toEqual({
        status: 409,
        code: 'connection_limit_reached',
      });
    }
    expect(await connectionCounts(t, hub)).toEqual({ stored: MAX, rows: MAX, reverseRows: MAX });
    expect((await hub.get('/api/v1/me')).body.counts.connections).toBe(MAX);
  });

  it('R11 R14: ignore and withdraw at once: exactly one wins, and the outcome is consistent', async () => {
    const [ann, ben] = await members('quiet', 2);
    for (let round = 0; round < 10; round++) {
      const sent = await ann.invite(ben);
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      const [ignore, withdraw] = await Promise.all([
        ben.post(`/api/v1/invitations/${sent.body.id}/ignore`),
        ann.post(`/api/v1/invitations/${sent.body.id}/withdraw`),
      ]);
      const status = await invitationStatus(t, sent.body.id);
      // The withdrawal always goes through: an ignored invitation is still open to its sender.
      expect(withdraw.status).toBe(200);
      expect(status).toBe('withdrawn');
      expect([204, 404]).toContain(ignore.status);
      if (ignore.status === 404) expect(ignore.body.code).toBe('invitation_not_found');
      expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(0);
      t.advanceDays(21);
    }
  });

  it('R3 R14: inviting back while the sender withdraws: connected, or a fresh invitation', async () => {
    for (let round = 0; round < 8; round++) {
      const [ann, ben] = await members('crossing', 2);
      const sent = await ann.invite(ben);
      const [back, withdraw] = await Promise.all([
        ben.invite(ann),
        ann.post(`/api/v1/invitations/${sent.body.id}/withdraw`),
      ]);
      const replies = JSON.stringify([back.body, withdraw.body]);
      const status = await invitationStatus(t, sent.body.id);
      if (back.status === 200) {
        expect(withdraw.status, replies).toBe(409);
        expect(status).toBe('accepted');
        expect(await connectionCounts(t, ann)).toEqual({ stored: 1, rows: 1, reverseRows: 1 });
      } else {
        expect(back.status, replies).toBe(201);
        expect(withdraw.status, replies).toBe(200);
        expect(status).toBe('withdrawn');
        expect(await connectionCounts(t, ann)).toEqual({ stored: 0, rows: 0, reverseRows: 0 });
        expect((await ann.get('/api/v1/invitations/received/count')).body.total).toBe(1);
      }
    }
  });

  it('R1: the same invitation sent 8 times at once is stored once', async () => {
    const [ann, ben] = await members('eager', 2);
    const replies = await Promise.all(Array.from({ length: 8 }, () => ann.invite(ben)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of replies.filter((r) => r.status !== 201)) {
      expect({ status: r.status, code: r.body.code }).toEqual({
        status: 409,
        code: 'invitation_already_open',
      });
    }
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(1);
  });

  it('R1: past the checks, the unique index refuses a second open invitation as invitation_already_open and keeps the first', async () => {
    const [ann, ben] = await members('insistent', 2);
    const [sender, recipient] = await Promise.all([memberRow(t, ann), memberRow(t, ben)]);
    // Straight to the writer, as a send that raced past the checks would come: on PostgreSQL
    // the insert travels with a later statement, here the COMMIT, where the violation surfaces.
    const write = () =>
      sendTransaction(t.ctx.database, (tx) =>
        createInvitation(tx, t.ctx.config.rules, {
          kind: 'connection',
          sender,
          recipient,
          target: null,
          note: null,
          howKnown: null,
          now: t.clock.now(),
        }),
      );
    const first = await write();
    await expect(write()).rejects.toMatchObject({ code: 'invitation_already_open', status: 409 });
    const received = await ben.get('/api/v1/invitations/received');
    expect(received.body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect((await ben.get('/api/v1/notifications')).body.items).toHaveLength(1);
  });
});
