import { statusIs } from '../modules/invitations/invitation.repository.js';
import type { Db, Tx } from '../db/types.js';
import type { InvitationRow } from '../modules/invitations/invitation.repository.js';

/** Pending invitations whose reminder is due, oldest first; rows another worker holds are skipped. */
export async function dueReminders(tx: Tx, now: string, limit: number): Promise<InvitationRow[]> {
  return tx
    .selectFrom('invitations')
    .selectAll()
    .where(statusIs('pending'))
    .where('remind_at', 'is not', null)
    .where('remind_at', '<=', now)
    .orderBy('remind_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Moves an invitation's reminder on, only if it is still pending and still due at the time that
 * was read, so a racing state change or a second worker leaves it alone. True when it moved.
 */
export async function advanceReminder(
  db: Db,
  row: Pick<InvitationRow, 'id' | 'remind_at'>,
  nextAt: string | null,
  counted: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set((eb) => ({
      remind_at: nextAt,
      reminders_sent: counted ? eb('reminders_sent', '+', 1) : eb.ref('reminders_sent'),
    }))
    .where('id', '=', row.id)
    .where(statusIs('pending'))
    .where('remind_at', '=', row.remind_at)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
