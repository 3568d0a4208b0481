import { type Kysely, sql } from 'kysely';
import { onSqlite } from './dialect.js';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R23, on SQLite: a page of a sender's open invitations of every kind comes from their index
 * alone, as the received list's does since 0018. With 10 million invitations, a Sent page took
 * 0.88 ms of server CPU reading each row from the table, and 0.74–0.76 ms from an index that
 * carries every listed column (LISTED_COLUMNS, and the expiry the list filters on). It replaces
 * the narrow index, so a send still writes one entry into it. The R6 count of a sender's open
 * invitations, which a send makes, filters on the expiry too: it now reads this index alone as
 * well, where it read each open invitation's row. The list of one kind keeps its narrow index.
 *
 * PostgreSQL keeps the narrow index, for the reason 0018 gives.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await db.schema.dropIndex('invitations_sent_idx').execute();
  await db.schema
    .createIndex('invitations_sent_listed_idx')
    .on('invitations')
    .columns([
      'sender_id',
      'sent_at',
      'id',
      'status',
      'expires_at',
      'kind',
      'recipient_id',
      'target_id',
      'note',
      'how_known',
      'kept',
      'frozen_recipient',
    ])
    .where(sql<boolean>`status in ('pending', 'ignored', 'blocked')`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await db.schema.dropIndex('invitations_sent_listed_idx').execute();
  await db.schema
    .createIndex('invitations_sent_idx')
    .on('invitations')
    .columns(['sender_id', 'sent_at', 'id'])
    .where(sql<boolean>`status in ('pending', 'ignored', 'blocked')`)
    .execute();
}
