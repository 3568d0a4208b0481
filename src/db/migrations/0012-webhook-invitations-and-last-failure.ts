import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R15, R35: a delivery names the invitation it tells of, so that withdrawing, expiring or
 * blocking the invitation can take back what its recipient was not sent yet; the deliveries
 * waiting already get it from their payload. A webhook keeps the time of its last failure, so
 * that failures a day or more apart count as separate runs; a run under way takes its last try.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_deliveries').addColumn('invitation_id', 'text').execute();
  await db.schema
    .createIndex('webhook_deliveries_invitation_idx')
    .on('webhook_deliveries')
    .column('invitation_id')
    .where(sql<boolean>`invitation_id is not null`)
    .execute();
  const waiting: { id: string; payload: string }[] = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'payload'])
    .where('status', '=', 'pending')
    .where('type', 'like', 'invitation.%')
    .execute();
  for (const row of waiting) {
    const invitationId = invitationIdOf(row.payload);
    if (invitationId === null) continue;
    await db
      .updateTable('webhook_deliveries')
      .set({ invitation_id: invitationId })
      .where('id', '=', row.id)
      .execute();
  }

  await db.schema.alterTable('webhooks').addColumn('last_failed_at', 'text').execute();
  await db
    .updateTable('webhooks')
    .set((eb) => ({
      last_failed_at: eb
        .selectFrom('webhook_attempts')
        .select((a) => a.fn.max('attempted_at').as('at'))
        .whereRef('webhook_attempts.webhook_id', '=', 'webhooks.id'),
    }))
    .where('failing_since', 'is not', null)
    .execute();
}

/** `data.invitation.id` of an event's JSON body, as `emitWebhookEvents` writes it. */
function invitationIdOf(payload: string): string | null {
  const body: unknown = JSON.parse(payload);
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  const id = field(field(field(body, 'data'), 'invitation'), 'id');
  return typeof id === 'string' ? id : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhooks').dropColumn('last_failed_at').execute();
  await db.schema.dropIndex('webhook_deliveries_invitation_idx').execute();
  await db.schema.alterTable('webhook_deliveries').dropColumn('invitation_id').execute();
}
