import type { Kysely } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/** "Your events" reads a member's organizer rows, as page_admins_member_idx serves "your pages". */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('event_organizers_member_idx')
    .on('event_organizers')
    .column('member_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_organizers_member_idx').execute();
}
