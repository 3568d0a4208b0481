import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R25, R26: members' verified email, and the single-use tokens that verify an email or reset a
 * password (only their SHA-256 is kept). Members who signed up before verification existed
 * count as verified: their address has been in use all along.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').addColumn('email_verified_at', 'text').execute();
  await sql`UPDATE members SET email_verified_at = created_at`.execute(db);

  await db.schema
    .createTable('account_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_tokens_member_idx')
    .on('account_tokens')
    .columns(['member_id', 'purpose'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_tokens').execute();
  await db.schema.alterTable('members').dropColumn('email_verified_at').execute();
}
