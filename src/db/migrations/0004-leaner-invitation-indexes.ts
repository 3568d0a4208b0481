import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * Every index on `invitations` is written on each send and most on each answer, and writing
 * them was most of a send's commit. Dropped: the per-kind received list (the list filters the
 * recipient's own index by kind instead) and the full pair index (a cooldown reads withdrawals
 * only, so only they are indexed by pair). The target index leaves out connection invitations,
 * which have no target. The sent lists keep both of theirs: without the per-kind one,
 * PostgreSQL sorts a sender's whole kind to show one page.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invitations_received_kind_idx').execute();
  await db.schema.dropIndex('invitations_pair_idx').execute();
  await db.schema.dropIndex('invitations_target_idx').execute();
  await db.schema
    .createIndex('invitations_cooldown_idx')
    .on('invitations')
    .columns(['sender_id', 'recipient_id', 'kind', 'target_id', 'withdrawn_at'])
    .where(sql<boolean>`status = 'withdrawn'`)
    .execute();
  await db.schema
    .createIndex('invitations_target_idx')
    .on('invitations')
    .columns(['kind', 'target_id', 'sent_at'])
    .where(sql<boolean>`kind <> 'connection'`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invitations_target_idx').execute();
  await db.schema.dropIndex('invitations_cooldown_idx').execute();
  await db.schema
    .createIndex('invitations_target_idx')
    .on('invitations')
    .columns(['kind', 'target_id', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('invitations_pair_idx')
    .on('invitations')
    .columns(['sender_id', 'recipient_id', 'kind', 'target_id', 'status'])
    .execute();
  await db.schema
    .createIndex('invitations_received_kind_idx')
    .on('invitations')
    .columns(['recipient_id', 'kind', 'sent_at', 'id'])
    .where(sql<boolean>`status = 'pending'`)
    .execute();
}
