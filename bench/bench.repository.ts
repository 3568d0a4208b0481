/** What the benchmark reads from a prepared database to choose its members. */
import { sql } from 'kysely';
import type { Db } from '../src/db/types.js';

export interface MemberRef {
  id: string;
  handle: string;
}

/** Members of one generator run, by the tag that ends their handles, in id order. */
export async function membersTagged(db: Db, tag: string): Promise<MemberRef[]> {
  return db
    .selectFrom('members')
    .select(['id', 'handle'])
    .where('handle', 'like', `%-${tag}`)
    .where('invitation_policy', '=', 'everyone')
    .orderBy('id')
    .execute();
}

/**
 * Members with at least `min` received invitations in `status` (R23's pending, or R38's
 * ignored) that have not expired by `now`: a full first page.
 */
export async function withReceived(
  db: Db,
  min: number,
  status: 'pending' | 'ignored',
  now: string,
): Promise<MemberRef[]> {
  return db
    .selectFrom('invitations')
    .innerJoin('members', 'members.id', 'invitations.recipient_id')
    .select(['members.id', 'members.handle'])
    .where('invitations.status', '=', status)
    .where('invitations.expires_at', '>', now)
    .groupBy(['members.id', 'members.handle'])
    .having((eb) => eb.fn.countAll(), '>=', min)
    .orderBy('members.id')
    .execute();
}

/** Members with at least `min` open sent invitations that have not expired by `now`. */
export async function withSent(db: Db, min: number, now: string): Promise<MemberRef[]> {
  return db
    .selectFrom('invitations')
    .innerJoin('members', 'members.id', 'invitations.sender_id')
    .select(['members.id', 'members.handle'])
    .where('invitations.status', 'in', ['pending', 'ignored', 'blocked'])
    .where('invitations.expires_at', '>', now)
    .groupBy(['members.id', 'members.handle'])
    .having((eb) => eb.fn.countAll(), '>=', min)
    .orderBy('members.id')
    .execute();
}

export async function someMembers(db: Db, count: number): Promise<MemberRef[]> {
  return db
    .selectFrom('members')
    .select(['id', 'handle'])
    .orderBy(sql`random()`)
    .limit(count)
    .execute();
}
