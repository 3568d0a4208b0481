import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R35: each member's count of working webhooks, kept beside the member. Every send, answer and
 * withdrawal reads its members anyway, and nearly no member has a webhook, so with the count at
 * hand those requests skip the webhook read: on PostgreSQL a round trip of five or six.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('members')
    .addColumn('active_webhooks', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('members')
    .set({
      active_webhooks: sql`(select count(*) from webhooks where webhooks.member_id = members.id and webhooks.disabled_at is null)`,
    })
    .where(
      'id',
      'in',
      db.selectFrom('webhooks').select('member_id').where('disabled_at', 'is', null),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').dropColumn('active_webhooks').execute();
}
