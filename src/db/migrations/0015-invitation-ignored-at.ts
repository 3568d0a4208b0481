import type { Kysely } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R30, R38: an ignored invitation its recipient accepts later keeps when they ignored it, for
 * their own history. Until now `responded_at` held the ignore and an accept wrote over it, so
 * only the invitations that were not accepted still know theirs: every answered one but those.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('ignored_at', 'text').execute();
  await db
    .updateTable('invitations')
    .set((eb) => ({ ignored_at: eb.ref('responded_at') }))
    .where('responded_at', 'is not', null)
    .where('status', '<>', 'accepted')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('ignored_at').execute();
}
