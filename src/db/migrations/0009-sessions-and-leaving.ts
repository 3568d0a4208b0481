import type { Kysely } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R28: a session says when it was last used and from which browser; a token has a scope and may
 * expire. R29: a member who left keeps a row (`deleted_at`) so that the invitations and counts of
 * others that point at it stay whole, and so that the handle and email stay taken for 30 days.
 * R30: an export reads every invitation a member received, a page at a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_used_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema
    .alterTable('access_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('write'))
    .execute();
  await db.schema.alterTable('access_tokens').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('members').addColumn('deleted_at', 'text').execute();
  // R30 pages through every invitation a member received, whatever its state; R29 closes them.
  await db.schema
    .createIndex('invitations_recipient_idx')
    .on('invitations')
    .columns(['recipient_id', 'sent_at', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invitations_recipient_idx').execute();
  await db.schema.alterTable('members').dropColumn('deleted_at').execute();
  await db.schema.alterTable('access_tokens').dropColumn('expires_at').execute();
  await db.schema.alterTable('access_tokens').dropColumn('scope').execute();
  await db.schema.alterTable('sessions').dropColumn('user_agent').execute();
  await db.schema.alterTable('sessions').dropColumn('last_used_at').execute();
}
