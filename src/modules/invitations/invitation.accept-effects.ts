import type { Db } from '../../db/types.js';
import { monthKey } from '../../lib/time.js';
import type { InvitationRow } from './invitation.repository.js';

/**
 * What accepting does beyond the connection itself (R10, R21, R22): a page invitation makes the
 * recipient follow the page and gives the credit back; an event invitation makes them attend.
 * Returns the page or event, for the notification.
 */
export async function acceptEffects(
  db: Db,
  row: InvitationRow,
  at: string,
): Promise<{ id: string; name: string } | null> {
  if (row.kind === 'page') {
    await db
      .insertInto('page_followers')
      .values({ page_id: row.target_id, member_id: row.recipient_id, created_at: at })
      .onConflict((oc) => oc.columns(['page_id', 'member_id']).doNothing())
      .execute();
    await db
      .updateTable('page_credits')
      .set((eb) => ({ used: eb('used', '-', 1) }))
      .where('page_id', '=', row.target_id)
      .where('month', '=', monthKey(new Date(row.sent_at)))
      .where('used', '>', 0)
      .execute();
    return (
      (await db
        .selectFrom('pages')
        .select(['id', 'name'])
        .where('id', '=', row.target_id)
        .executeTakeFirst()) ?? null
    );
  }
  if (row.kind === 'event') {
    await db
      .insertInto('event_attendees')
      .values({ event_id: row.target_id, member_id: row.recipient_id, created_at: at })
      .onConflict((oc) => oc.columns(['event_id', 'member_id']).doNothing())
      .execute();
    return (
      (await db
        .selectFrom('events')
        .select(['id', 'name'])
        .where('id', '=', row.target_id)
        .executeTakeFirst()) ?? null
    );
  }
  return null;
}
