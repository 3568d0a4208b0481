import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R38, R40: a recipient lists their ignored invitations, newest or oldest first, a page at a
 * time. The pending list has its own partial index; ignored ones get theirs, so neither list
 * reads the other's rows. The sent lists need nothing new: both their indexes end in
 * (sent_at, id) and serve either order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('invitations_received_ignored_idx')
    .on('invitations')
    .columns(['recipient_id', 'sent_at', 'id'])
    .where(sql<boolean>`status = 'ignored'`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invitations_received_ignored_idx').execute();
}
