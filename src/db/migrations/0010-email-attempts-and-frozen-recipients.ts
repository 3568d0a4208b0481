import type { Kysely } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R8: the wrong addresses a sender gave for a recipient, so that guessing an address is capped.
 * R20: a blocked invitation keeps its recipient as they were at the block, for its sender's
 * views (`frozen_recipient`, a member summary in JSON, and what the Sent list's search matches).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_attempts')
    .addColumn('sender_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_attempts_pair_idx')
    .on('email_attempts')
    .columns(['sender_id', 'recipient_id', 'attempted_at'])
    .execute();
  await db.schema.alterTable('invitations').addColumn('frozen_recipient', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('frozen_search', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('frozen_search').execute();
  await db.schema.alterTable('invitations').dropColumn('frozen_recipient').execute();
  await db.schema.dropTable('email_attempts').execute();
}
