/**
 * Rows that workers claim for a while before working on them: the mail outbox and webhook
 * deliveries. A claim is one statement, so of several workers each row goes to one: PostgreSQL
 * skips rows another claim has locked, SQLite has one writer. A claim that runs out (a crashed
 * worker) makes its rows due again.
 */
import type { Selectable } from 'kysely';
import type { OutboxTable } from './tables/outbox.js';
import type { WebhookDeliveryTable } from './tables/webhook.js';
import { equalsBesidePartialIndex, equalsLiteral } from './literals.js';
import type { Db } from './types.js';

type LeasedTable = 'outbox' | 'webhook_deliveries';

/** Claims up to `limit` pending rows due at `now` until `until`, oldest due first. */
export function claimDue(
  db: Db,
  table: 'outbox',
  now: string,
  until: string,
  limit: number,
): Promise<Selectable<OutboxTable>[]>;
export function claimDue(
  db: Db,
  table: 'webhook_deliveries',
  now: string,
  until: string,
  limit: number,
): Promise<Selectable<WebhookDeliveryTable>[]>;
export async function claimDue(
  db: Db,
  table: LeasedTable,
  now: string,
  until: string,
  limit: number,
): Promise<(Selectable<OutboxTable> | Selectable<WebhookDeliveryTable>)[]> {
  const due = db
    .selectFrom(table)
    .select('id')
    .where(equalsLiteral('status', 'pending'))
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable(table)
    .set({ claimed_until: until })
    .where('id', 'in', due)
    .where(equalsBesidePartialIndex(db, 'status', 'pending'))
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
    .returningAll()
    .execute();
  return rows.sort(
    (a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id),
  );
}

/**
 * Starts one try at a claimed row: counts it and renews the claim, only while the claim is still
 * `claim` and the row still pending. Nothing when it was cancelled or another worker took it over.
 */
export function startAttemptOn(
  db: Db,
  table: 'outbox',
  id: string,
  claim: string,
  renewedUntil: string,
): Promise<Selectable<OutboxTable> | undefined>;
export function startAttemptOn(
  db: Db,
  table: 'webhook_deliveries',
  id: string,
  claim: string,
  renewedUntil: string,
): Promise<Selectable<WebhookDeliveryTable> | undefined>;
export async function startAttemptOn(
  db: Db,
  table: LeasedTable,
  id: string,
  claim: string,
  renewedUntil: string,
): Promise<Selectable<OutboxTable> | Selectable<WebhookDeliveryTable> | undefined> {
  return db
    .updateTable(table)
    .set((eb) => ({ attempts: eb('attempts', '+', 1), claimed_until: renewedUntil }))
    .where('id', '=', id)
    .where('claimed_until', '=', claim)
    .where(equalsBesidePartialIndex(db, 'status', 'pending'))
    .returningAll()
    .executeTakeFirst();
}
