import { type Kysely, sql } from 'kysely';
import { onSqlite } from './dialect.js';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R23, on SQLite: a page of a recipient's pending invitations comes from their index alone. The
 * index held (recipient, sent time, id), so each of a page's 20 rows was then read from the
 * table, a page of the file apiece. With 10 million invitations that query took 199 µs of a
 * request's 1.14 ms of server CPU; from an index that carries every listed column (LISTED_COLUMNS,
 * and the expiry the list filters on) it takes 98 µs of 1.04 ms. A send still writes one entry
 * into it, and only pending invitations have one.
 *
 * PostgreSQL keeps the narrow index: it refuses an index row over about 2.7 kB, and a note of 300
 * characters as a member counts them (each an emoji of up to 25 bytes) passes that. Its received
 * list stayed within its target without the table read saved.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await db.schema.dropIndex('invitations_received_idx').execute();
  await db.schema
    .createIndex('invitations_received_listed_idx')
    .on('invitations')
    .columns([
      'recipient_id',
      'sent_at',
      'id',
      'expires_at',
      'kind',
      'sender_id',
      'target_id',
      'note',
      'how_known',
      'kept',
      'frozen_recipient',
    ])
    .where(sql<boolean>`status = 'pending'`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await db.schema.dropIndex('invitations_received_listed_idx').execute();
  await db.schema
    .createIndex('invitations_received_idx')
    .on('invitations')
    .columns(['recipient_id', 'sent_at', 'id'])
    .where(sql<boolean>`status = 'pending'`)
    .execute();
}
