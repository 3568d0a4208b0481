import { type Kysely, sql } from 'kysely';
import { onSqlite } from './dialect.js';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R23, on SQLite: the index of a sender's open invitations of one kind goes. Every send, answer
 * and withdrawal wrote an entry into it, a page of the file apiece, and nothing reads it any more:
 * the list of one kind and the counts by kind read the index of every kind that 0019 made, which
 * carries the kind, and R6 leaves a sender at most 3,000 open invitations there to read past.
 * Measured in one run, two servers taking turns: 0.444 ms of CPU a send without it against 0.470
 * with it, accepts 0.493 against 0.507, withdrawals 0.299 against 0.306 (medians of 8 rounds).
 *
 * PostgreSQL keeps it: there the index of every kind is the narrow one without the kind.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await db.schema.dropIndex('invitations_sent_kind_idx').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!onSqlite(db)) return;
  await db.schema
    .createIndex('invitations_sent_kind_idx')
    .on('invitations')
    .columns(['sender_id', 'kind', 'sent_at', 'id'])
    .where(sql<boolean>`status in ('pending', 'ignored', 'blocked')`)
    .execute();
}
