import { type RawBuilder, sql } from 'kysely';
import { notBlockedWith } from '../blocks/block.filter.js';

/**
 * A WHERE condition for the lists and counts that show other members to a viewer (a page's
 * admins and followers, an event's organizers and attendees): the member in `memberColumn` has
 * not blocked `viewerId` nor been blocked by them (R20), and is not suspended (R32: a suspended
 * member is unknown to everyone until the suspension ends).
 */
export function shownTo(viewerId: string, memberColumn: string): RawBuilder<boolean> {
  const member = sql.ref(memberColumn);
  return sql<boolean>`${notBlockedWith(viewerId, memberColumn)} and not exists (select 1 from members as suspended where suspended.id = ${member} and suspended.suspended_at is not null)`;
}
