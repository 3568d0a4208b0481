/** Small helpers shared by the integration tests of invitations, members, connections and the API. */
import { expect } from 'vitest';
import type { Member, Reply, TestApp } from '../helpers/app.js';

type Item = { id: string; sentAt: string; status: string };

/** Asserts an RFC 9457 problem with this status and code, and returns its body. */
export function expectProblem(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(String(reply.headers['content-type'])).toMatch(/^application\/problem\+json/);
  return reply.body;
}

/** Connects two members the way members do: `a` invites, `b` accepts. */
export async function connect(a: Member, b: Member): Promise<void> {
  const sent = await a.invite(b);
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  const accepted = await b.post(`/api/v1/invitations/${sent.body.id}/accept`);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
}

export async function memberId(t: TestApp, member: Member): Promise<string> {
  const row = await t.ctx.database.db
    .selectFrom('members')
    .select('id')
    .where('handle', '=', member.handle)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What the database holds about two members: connection rows each way, follows each way, counts. */
export async function pairState(t: TestApp, a: Member, b: Member) {
  const db = t.ctx.database.db;
  const [ida, idb] = [await memberId(t, a), await memberId(t, b)];
  const connections = await db
    .selectFrom('connections')
    .select(['member_id', 'peer_id'])
    .where('member_id', 'in', [ida, idb])
    .where('peer_id', 'in', [ida, idb])
    .execute();
  const follows = await db
    .selectFrom('follows')
    .select(['follower_id', 'followee_id'])
    .where('follower_id', 'in', [ida, idb])
    .where('followee_id', 'in', [ida, idb])
    .execute();
  return {
    aToB: connections.some((c) => c.member_id === ida && c.peer_id === idb),
    bToA: connections.some((c) => c.member_id === idb && c.peer_id === ida),
    aFollowsB: follows.some((f) => f.follower_id === ida && f.followee_id === idb),
    bFollowsA: follows.some((f) => f.follower_id === idb && f.followee_id === ida),
  };
}

/** A member's stored connection_count next to the number of connection rows they have. */
export async function connectionCounts(t: TestApp, member: Member) {
  const db = t.ctx.database.db;
  const id = await memberId(t, member);
  const row = await db
    .selectFrom('members')
    .select('connection_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('connections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', id)
    .executeTakeFirstOrThrow();
  const back = await db
    .selectFrom('connections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('peer_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    stored: Number(row.connection_count),
    rows: Number(rows.n),
    reverseRows: Number(back.n),
  };
}

export async function invitationStatus(t: TestApp, id: string): Promise<string> {
  const row = await t.ctx.database.db
    .selectFrom('invitations')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

/**
 * Walks a list with `limit` per page and returns every item, checking each cursor on the way;
 * `between` runs after each page but the last, to change the list while it is walked.
 */
export async function walk(
  member: Member,
  url: string,
  limit: number,
  between: () => Promise<void> = async () => {},
): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const reply: { status: number; body: { items: Item[]; nextCursor: string | null } } =
      await member.get(
        `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
    pages++;
    expect(pages).toBeLessThan(100);
    if (cursor) await between();
  } while (cursor);
  return { items, pages };
}

/** The sender's responses with the names of things (ids, handles) replaced, so two senders compare. */
export async function senderView(sender: Member, recipient: Member, invitationId: string) {
  const responses = {
    sent: await sender.get('/api/v1/invitations/sent'),
    sentPeople: await sender.get('/api/v1/invitations/sent?kind=connection'),
    sentOld: await sender.get('/api/v1/invitations/sent?olderThanDays=0'),
    sentCount: await sender.get('/api/v1/invitations/sent/count'),
    detail: await sender.get(`/api/v1/invitations/${invitationId}`),
    profile: await sender.get(`/api/v1/members/${recipient.handle}`),
    me: await sender.get('/api/v1/me'),
    quotas: await sender.get('/api/v1/me/quotas'),
    notifications: await sender.get('/api/v1/notifications'),
    insights: await sender.get('/api/v1/insights'),
    suggestions: await sender.get('/api/v1/suggestions'),
    again: await sender.invite(recipient),
  };
  return masked(responses, sender, recipient, invitationId);
}

/** Responses as JSON with the ids, handles and emails of these two members replaced. */
export function masked(
  responses: Record<string, { status: number; body: unknown }>,
  sender: Member,
  recipient: Member,
  invitationId: string,
) {
  const text = JSON.stringify(
    Object.fromEntries(
      Object.entries(responses).map(([k, r]) => [k, { status: r.status, body: r.body }]),
    ),
  );
  return JSON.parse(
    text
      .replaceAll(invitationId, '<invitation>')
      .replaceAll(recipient.handle, '<recipient>')
      .replaceAll(sender.handle, '<sender>')
      .replaceAll(recipient.email, '<recipient-email>')
      .replaceAll(sender.email, '<sender-email>')
      .replace(/"id":"[0-9A-Z]{26}"/g, '"id":"<member-id>"'),
  );
}
