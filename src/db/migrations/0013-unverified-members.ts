import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R32: the admins' list of members who have not verified their email, in handle order. Nearly
 * every member verifies, so the few who have not are read off their own index, not found by
 * walking every member; those who left (R29) are never listed and stay out of it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('members_unverified_idx')
    .on('members')
    .column('handle')
    .where(sql<boolean>`email_verified_at is null and deleted_at is null`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('members_unverified_idx').execute();
}
