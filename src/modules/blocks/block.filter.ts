import { type RawBuilder, sql } from 'kysely';

/**
 * A WHERE condition: the member in `memberColumn` and `viewerId` have not blocked each other
 * either way (R20), for lists that show other members to a viewer.
 */
export function notBlockedWith(viewerId: string, memberColumn: string): RawBuilder<boolean> {
  const member = sql.ref(memberColumn);
  return sql<boolean>`not exists (select 1 from blocks where (blocks.blocker_id = ${viewerId} and blocks.blocked_id = ${member}) or (blocks.blocked_id = ${viewerId} and blocks.blocker_id = ${member}))`;
}
