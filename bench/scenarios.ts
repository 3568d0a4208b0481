/**
 * The load scenarios. Every request of a write scenario uses its own member pair (or its own
 * invitation), so no rule refuses it; anything but a 2xx answer is counted and reported.
 */
import type { Request } from 'autocannon';
import type { TokenHolder } from '../src/seed/generate.tokens.js';
import type { MemberRef } from './bench.repository.js';
import { CONNECTIONS, type LoadResult, runLoad } from './load.js';
import { elementAt } from '../src/lib/arrays.js';

const API = '/api/v1';

/** A field of a JSON reply, when it is a number or a string. */
function numberOrStringField(reply: unknown, name: string): number | string | undefined {
  if (typeof reply !== 'object' || reply === null) return undefined;
  const value: unknown = Reflect.get(reply, name);
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/**
 * Distinct unordered pairs of the population, never one pair both ways (no R3 mutual accept).
 * The requests in flight at once involve distinct members: a send or an accept locks both of its
 * members, and pairs that shared one (member i with i + 1, then i + 1 with i + 2) made the
 * requests in flight wait on each other's locks on PostgreSQL, which measured that queue rather
 * than the write path. Real traffic between many members rarely meets on one member at once.
 */
export class Pairs {
  private offset = 2 * CONNECTIONS;
  private index = 0;

  constructor(private readonly members: TokenHolder[]) {}

  next(): [TokenHolder, TokenHolder] {
    const n = this.members.length;
    if (this.index === n) {
      this.index = 0;
      this.offset++;
      if (this.offset * 2 >= n) throw new Error('the population has run out of distinct pairs');
    }
    const i = this.index++;
    return [elementAt(this.members, i), elementAt(this.members, (i + this.offset) % n)];
  }
}

export interface SentInvitation {
  id: string;
  sender: TokenHolder;
  recipient: TokenHolder;
}

/** A new object each time: autocannon writes Content-Length into the headers it is given. */
const json = () => ({ 'content-type': 'application/json' });
const bearer = (member: TokenHolder) => ({ authorization: `Bearer ${member.token}` });

/** Ceiling: the same shape of request as a send, into the bare server. */
export function ceiling(url: string, pairs: Pairs, duration: number): Promise<LoadResult> {
  return runLoad({
    urls: [url],
    duration,
    next: () => {
      const [sender, recipient] = pairs.next();
      return {
        method: 'POST',
        path: '/invitations',
        headers: json(),
        body: JSON.stringify({ sender: sender.id, recipient: recipient.id }),
      };
    },
  });
}

export async function send(
  urls: string[],
  pairs: Pairs,
  duration: number,
): Promise<{ load: LoadResult; sent: SentInvitation[] }> {
  const sent: SentInvitation[] = [];
  const pairOf = new WeakMap<object, [TokenHolder, TokenHolder]>();
  const load = await runLoad({
    urls,
    duration,
    next: (context) => {
      const [sender, recipient] = pairs.next();
      pairOf.set(context, [sender, recipient]);
      return {
        method: 'POST',
        path: `${API}/invitations`,
        headers: { ...json(), ...bearer(sender) },
        body: JSON.stringify({ kind: 'connection', to: recipient.handle }),
      };
    },
    onResponse: (status, body, context) => {
      if (status !== 201) return;
      const pair = pairOf.get(context);
      const id = numberOrStringField(JSON.parse(body), 'id');
      if (pair && typeof id === 'string') sent.push({ id, sender: pair[0], recipient: pair[1] });
    },
  });
  return { load, sent };
}

/** Answers each of `invitations` once: accept as the recipient, or withdraw as the sender. */
export function answer(
  urls: string[],
  invitations: SentInvitation[],
  action: 'accept' | 'withdraw',
): Promise<LoadResult> {
  if (invitations.length === 0)
    throw new Error(`nothing was sent, so there is nothing to ${action}`);
  let next = 0;
  return runLoad({
    urls,
    amount: invitations.length,
    next: () => {
      const invitation = elementAt(invitations, next++ % invitations.length);
      const who = action === 'accept' ? invitation.recipient : invitation.sender;
      return {
        method: 'POST',
        path: `${API}/invitations/${invitation.id}/${action}`,
        headers: bearer(who),
      };
    },
  });
}

/** The invitation lists measured: R23's two, the oldest sent first and R38's ignored (R40). */
export type InvitationList = 'received' | 'sent' | 'sent?order=oldest' | 'received?status=ignored';

/** A first page of `limit` rows of an invitation list, round-robin over the viewers. */
export function listPage(
  urls: string[],
  viewers: TokenHolder[],
  list: InvitationList,
  run: { duration: number } | { amount: number },
  limit = 20,
): Promise<LoadResult> {
  let next = 0;
  const path = `${API}/invitations/${list}${list.includes('?') ? '&' : '?'}limit=${limit}`;
  return runLoad({
    urls,
    ...run,
    next: () => {
      const viewer = elementAt(viewers, next++ % viewers.length);
      return {
        method: 'GET',
        path,
        headers: bearer(viewer),
      };
    },
  });
}

/** A profile with its relationship to the viewer (R24), each viewer and member pair once. */
export function profile(
  urls: string[],
  viewers: TokenHolder[],
  others: MemberRef[],
  duration: number,
): Promise<LoadResult> {
  let next = 0;
  return runLoad({
    urls,
    duration,
    next: (): Request => {
      const k = next++;
      const viewer = elementAt(viewers, k % viewers.length);
      let other = elementAt(others, Math.floor(k / viewers.length) % others.length);
      if (other.id === viewer.id)
        other = elementAt(others, (Math.floor(k / viewers.length) + 1) % others.length);
      return { method: 'GET', path: `${API}/members/${other.handle}`, headers: bearer(viewer) };
    },
  });
}

/** R18: one request that withdraws every invitation sent at least 14 days ago. */
export async function bulkWithdraw(
  url: string,
  sender: TokenHolder,
): Promise<{ ms: number; count: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${url}${API}/invitations/withdraw`, {
    method: 'POST',
    headers: { ...json(), ...bearer(sender) },
    body: JSON.stringify({ olderThanDays: 14 }),
  });
  const count = numberOrStringField(await response.json(), 'count');
  return {
    ms: performance.now() - started,
    count: typeof count === 'number' ? count : 0,
    status: response.status,
  };
}

/**
 * Each member's token once at `url`, as a client that has called before: a process looks up a
 * token it has not seen before the request's work starts, and one it has with the request's
 * first statement (accounts/token-cache.ts). A quick run's writers come round once, so without
 * this each of its sends was its token's first request there, and most of a full run's were not.
 */
export async function introduce(url: string, members: TokenHolder[]): Promise<void> {
  let next = 0;
  const load = await runLoad({
    urls: [url],
    amount: members.length,
    next: () => ({ method: 'GET', path: `${API}/me`, headers: bearer(elementAt(members, next++)) }),
  });
  if (load.non2xx + load.errors > 0)
    throw new Error(`${load.non2xx + load.errors} of the writers' first requests failed`);
}
