import { sql } from 'kysely';
import type { Db } from './types.js';

/**
 * The tables that tie members to one owner (a member, a page, an event): the owner's column,
 * then the member's.
 */
const TIES = {
  connections: ['member_id', 'peer_id'],
  page_followers: ['page_id', 'member_id'],
  event_attendees: ['event_id', 'member_id'],
} as const;

/** Which of `memberIds` `table` ties to `ownerId`: one statement for a page of members. */
export async function membersAmong(
  db: Db,
  table: keyof typeof TIES,
  ownerId: string,
  memberIds: string[],
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const [owner, member] = TIES[table];
  const rows = await db
    .selectFrom(table)
    .select(sql.ref<string>(member).as('id'))
    .where(sql.ref(owner), '=', ownerId)
    .where(sql.ref(member), 'in', memberIds)
    .execute();
  return new Set(rows.map((r) => r.id));
}
