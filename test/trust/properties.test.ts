/**
 * Random sequences of what members do — send, accept, ignore, withdraw, block, unblock, remove,
 * and time passing — between four members, with the invariants checked through the API after
 * every step (R1, R3, R5–R7, R10, R15, R19, R20). Bounded (15 sequences of 10 to 25 steps) so
 * the file stays well under a minute; RAPPORT_PROPERTY_RUNS runs more.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type Member, type Reply, startApp, type TestApp } from '../helpers/app.js';

const LIMITS = { weekly: 4, open: 2, connections: 2 };
const HOUR_MS = 3_600_000;
const RUNS = Number(process.env.RAPPORT_PROPERTY_RUNS ?? 15);
const STEPS = 25;

type Action =
  | { type: 'send'; by: number; other: number; withEmail: boolean }
  | { type: 'accept' | 'ignore'; by: number; pick: number; dontKnow: boolean; stale: boolean }
  | { type: 'withdraw'; by: number; pick: number; stale: boolean }
  | { type: 'block' | 'unblock' | 'remove'; by: number; other: number }
  | { type: 'clock'; hours: number };

const by = fc.integer({ min: 0, max: 3 });
/** Another member most of the time; now and then oneself, which must be refused. */
const other = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 3 }) },
);
const pick = fc.integer({ min: 0, max: 3 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('send' as const),
      by,
      other,
      withEmail: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constantFrom('accept' as const, 'ignore' as const),
      by,
      pick,
      dontKnow: fc.boolean(),
      stale: fc.oneof(
        { weight: 1, arbitrary: fc.constant(true) },
        { weight: 4, arbitrary: fc.constant(false) },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('withdraw' as const), by, pick, stale: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constantFrom('block' as const, 'unblock' as const, 'remove' as const),
      by,
      other,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('clock' as const),
      hours: fc.constantFrom(1, 47, 48, 24 * 7, 24 * 22, 24 * 181),
    }),
  },
);

let t: TestApp;
let members: Member[];
/** Every invitation id of the current run, by sender and by recipient: answered ones are tried again too. */
let history: { sent: string[][]; received: string[][] };
/** Who each member has blocked, kept from the answers to PUT and DELETE /blocks; checked against GET /blocks. */
let blocking: Set<string>[];

beforeAll(async () => {
  t = await startApp({
    RAPPORT_WEEKLY_INVITATION_LIMIT: String(LIMITS.weekly),
    RAPPORT_MAX_OPEN_SENT: String(LIMITS.open),
    RAPPORT_MAX_CONNECTIONS: String(LIMITS.connections),
    RAPPORT_DONT_KNOW_THRESHOLD: '2',
  });
  members = await Promise.all(['m0', 'm1', 'm2', 'm3'].map((n) => t.member(n)));
});
afterAll(async () => {
  await t.close();
});

interface Listed {
  id: string;
  kind: string;
  status: string;
  member: { handle: string };
  sender: { handle: string };
  recipient: { handle: string };
}

interface Me {
  counts: {
    connections: number;
    followers: number;
    following: number;
    received: number;
    sent: number;
  };
}

/** The items of a list; each list fills the fields of `Listed` that it has. */
async function list(member: Member, url: string): Promise<Listed[]> {
  const reply = await member.get(`${API}${url}?limit=100`);
  expect(reply.status, `${member.handle} GET ${url}`).toBe(200);
  return reply.body.items;
}

/** Back to a blank network: no connection, no block, and far enough ahead that no window, lock or invitation is left. */
async function reset(): Promise<void> {
  for (const member of members) {
    for (const c of await list(member, '/connections'))
      await member.delete(`${API}/connections/${c.member.handle}`);
    for (const b of await list(member, '/blocks'))
      await member.delete(`${API}/blocks/${b.member.handle}`);
  }
  t.advanceDays(400);
  await t.runJobs();
  history = { sent: members.map(() => []), received: members.map(() => []) };
  blocking = members.map(() => new Set());
}

const ALLOWED: Record<Action['type'], number[]> = {
  send: [200, 201, 400, 403, 404, 409, 429],
  accept: [200, 403, 404, 409],
  ignore: [204, 403, 404, 409],
  withdraw: [200, 404, 409],
  block: [204, 400, 404, 409],
  unblock: [204, 404],
  remove: [204, 400, 404],
  clock: [200],
};

function nth<T>(items: T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Does `a` against the state `views` showed just before; null when there is nothing to act on. */
async function perform(a: Action, views: View[]): Promise<Reply | null> {
  if (a.type === 'clock') {
    t.clock.advance(a.hours * HOUR_MS);
    return t.runJobs();
  }
  const member = members[a.by]!;
  const mine = views[a.by]!;
  switch (a.type) {
    case 'send': {
      const to = (a.by + a.other) % members.length;
      const reply = await member.invite(
        members[to]!,
        a.withEmail ? { email: members[to]!.email } : {},
      );
      if (reply.status === 201) {
        history.sent[a.by]!.push(reply.body.id);
        history.received[to]!.push(reply.body.id);
      }
      return reply;
    }
    case 'accept':
    case 'ignore': {
      const visible = a.stale ? undefined : nth(mine.received, a.pick)?.id;
      const id = visible ?? nth(history.received[a.by]!, a.pick);
      if (!id) return null;
      const reply =
        a.type === 'accept'
          ? await member.post(`${API}/invitations/${id}/accept`)
          : await member.post(
              `${API}/invitations/${id}/ignore`,
              a.dontKnow ? { reason: 'dont_know' } : undefined,
            );
      // What the recipient's list shows can be answered (R7's limit aside).
      if (visible) expect([200, 204, 409], JSON.stringify(reply.body)).toContain(reply.status);
      return reply;
    }
    case 'withdraw': {
      const visible = a.stale ? undefined : nth(mine.sent, a.pick)?.id;
      const id = visible ?? nth(history.sent[a.by]!, a.pick);
      if (!id) return null;
      const reply = await member.post(`${API}/invitations/${id}/withdraw`);
      if (visible) expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply;
    }
    case 'remove': {
      const peer =
        nth(mine.connections, a.other) ?? members[(a.by + a.other) % members.length]!.handle;
      return member.delete(`${API}/connections/${peer}`);
    }
    case 'block':
    case 'unblock': {
      const handle = members[(a.by + a.other) % members.length]!.handle;
      const reply =
        a.type === 'block'
          ? await member.put(`${API}/blocks/${handle}`)
          : await member.delete(`${API}/blocks/${handle}`);
      if (reply.status === 204 && a.type === 'block') blocking[a.by]!.add(handle);
      if (reply.status === 204 && a.type === 'unblock') blocking[a.by]!.delete(handle);
      return reply;
    }
  }
}

interface View {
  handle: string;
  me: Me;
  sent: Listed[];
  received: Listed[];
  connections: string[];
  blocks: string[];
}

function handles(items: Listed[]): string[] {
  return items.map((i) => i.member.handle).sort();
}

async function view(member: Member, index: number): Promise<View> {
  const [me, sent, received, connections] = await Promise.all([
    member.get(`${API}/me`),
    list(member, '/invitations/sent'),
    list(member, '/invitations/received'),
    list(member, '/connections'),
  ]);
  return {
    handle: member.handle,
    me: me.body,
    sent,
    received,
    connections: handles(connections),
    blocks: [...blocking[index]!].sort(),
  };
}

/** Checked after every step. */
async function checkInvariants(): Promise<View[]> {
  const views = await Promise.all(members.map((m, i) => view(m, i)));
  const byHandle = new Map(views.map((v) => [v.handle, v]));
  for (const v of views) {
    const sentTo = v.sent.map((i) => i.recipient.handle);
    const receivedFrom = v.received.map((i) => i.sender.handle);
    // R1: at most one open invitation per sender, recipient and kind.
    expect(new Set(sentTo).size, `${v.handle} sent twice`).toBe(sentTo.length);
    expect(new Set(receivedFrom).size, `${v.handle} received twice`).toBe(receivedFrom.length);
    expect(v.sent.every((i) => i.kind === 'connection' && i.status === 'pending')).toBe(true);
    // Counts agree with lists; limits hold (R6, R7, R23).
    expect([v.me.counts.received, v.me.counts.sent]).toEqual([v.received.length, v.sent.length]);
    expect(v.sent.length).toBeLessThanOrEqual(LIMITS.open);
    expect(v.me.counts.connections).toBe(v.connections.length);
    expect(v.connections.length).toBeLessThanOrEqual(LIMITS.connections);
    // Connections are symmetric, and follows come and go with them (R10, R19, R20).
    for (const peer of v.connections)
      expect(byHandle.get(peer)!.connections, `${peer} ↔ ${v.handle}`).toContain(v.handle);
    expect([v.me.counts.following, v.me.counts.followers]).toEqual([
      v.connections.length,
      v.connections.length,
    ]);
    // R3, R10: nobody has an invitation waiting from a connection.
    expect(receivedFrom.filter((h) => v.connections.includes(h))).toEqual([]);
    // R15, R20: what a recipient sees is open at its sender, and never from someone blocked either way.
    for (const invitation of v.received) {
      const sender = byHandle.get(invitation.sender.handle)!;
      expect(
        sender.sent.map((i) => i.id),
        `${v.handle} sees ${invitation.id}`,
      ).toContain(invitation.id);
      expect(v.blocks).not.toContain(sender.handle);
      expect(sender.blocks).not.toContain(v.handle);
    }
    for (const blocked of v.blocks) expect(v.connections).not.toContain(blocked);
  }
  return views;
}

/** Checked at the end of each sequence: the counts endpoints, the quotas, and R20's invisibility. */
async function checkFinal(views: View[]): Promise<void> {
  for (const v of views) {
    const member = members.find((m) => m.handle === v.handle)!;
    const [quotas, received, sent, following, blocks] = await Promise.all([
      member.get(`${API}/me/quotas`),
      member.get(`${API}/invitations/received/count`),
      member.get(`${API}/invitations/sent/count`),
      list(member, '/following'),
      list(member, '/blocks'),
    ]);
    expect(handles(following)).toEqual(v.connections);
    expect(handles(blocks)).toEqual(v.blocks);
    expect([received.body.total, sent.body.total, quotas.body.open.used]).toEqual([
      v.received.length,
      v.sent.length,
      v.sent.length,
    ]);
    expect(quotas.body.weekly.used).toBeLessThanOrEqual(LIMITS.weekly);
    for (const blocked of v.blocks) {
      const other = members.find((m) => m.handle === blocked)!;
      expect((await other.get(`${API}/members/${v.handle}`)).status).toBe(404);
      expect((await member.get(`${API}/members/${blocked}`)).status).toBe(404);
      expect((await other.get(`${API}/members?q=${v.handle}`)).body.items).toEqual([]);
    }
  }
}

describe('property-based: random member behaviour keeps the invariants', () => {
  it('R1 R3 R5 R6 R7 R15 R19 R20: after every step of a random sequence between 4 members', async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: STEPS }), async (actions) => {
        await reset();
        let views = await checkInvariants();
        for (const a of actions) {
          const reply = await perform(a, views);
          if (reply)
            expect(
              ALLOWED[a.type],
              `${JSON.stringify(a)} → ${reply.status} ${JSON.stringify(reply.body)}`,
            ).toContain(reply.status);
          views = await checkInvariants();
          steps++;
        }
        await checkFinal(views);
      }),
      { numRuns: RUNS },
    );
    expect(steps).toBeGreaterThanOrEqual(RUNS * 10);
  }, 180_000);
});
