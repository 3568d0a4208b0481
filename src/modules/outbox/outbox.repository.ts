import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { OutboxTable } from '../../db/tables/outbox.js';

export type OutboxRow = Selectable<OutboxTable>;

export async function enqueueMail(db: Db, row: Insertable<OutboxTable>): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}

/**
 * Cancels every mail about these invitations that has not been handed to the mail server yet
 * (R12, R15). Runs in the transaction that changes the invitation's state.
 */
export async function cancelMailForInvitations(db: Db, invitationIds: string[], at: string): Promise<void> {
  if (invitationIds.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'cancelled', last_error: `invitation changed at ${at}` })
    .where('invitation_id', 'in', invitationIds)
    .where('status', '=', 'pending')
    .execute();
}
