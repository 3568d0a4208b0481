import type { Kysely } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R28, R40: a member's sessions and personal access tokens are listed a page at a time, newest
 * first, by creation time and then id; their indexes now hold that whole order, so a page reads
 * only its own rows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_member_idx').execute();
  await db.schema
    .createIndex('sessions_member_idx')
    .on('sessions')
    .columns(['member_id', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('access_tokens_member_idx').execute();
  await db.schema
    .createIndex('access_tokens_member_idx')
    .on('access_tokens')
    .columns(['member_id', 'created_at', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_member_idx').execute();
  await db.schema.createIndex('sessions_member_idx').on('sessions').column('member_id').execute();
  await db.schema.dropIndex('access_tokens_member_idx').execute();
  await db.schema
    .createIndex('access_tokens_member_idx')
    .on('access_tokens')
    .columns(['member_id', 'created_at'])
    .execute();
}
