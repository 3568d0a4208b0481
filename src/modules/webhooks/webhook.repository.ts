import type { Selectable } from 'kysely';
import { chunksOf } from '../../db/chunks.js';
import { anyOf } from '../../db/lists.js';
import type { Db } from '../../db/types.js';
import { paginate, type PageRequest } from '../../db/pagination.js';
import { claimDue, startAttemptOn } from '../../db/leases.js';
import { equalsBesidePartialIndex } from '../../db/literals.js';
import { prepare } from '../../db/prepared.js';
import type {
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookTable,
} from '../../db/tables/webhook.js';

export type WebhookRow = Selectable<WebhookTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptTable>;

export async function insertWebhook(db: Db, row: WebhookRow): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
  await countWorking(db, row.member_id, 1);
}

/** Moves the member's count of working webhooks with a webhook made, deleted or turned off. */
async function countWorking(db: Db, memberId: string, by: 1 | -1): Promise<void> {
  await db
    .updateTable('members')
    .set((eb) => ({ active_webhooks: eb('active_webhooks', '+', by) }))
    .where('id', '=', memberId)
    .execute();
}

export async function countWebhooks(db: Db, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** R40: the member's webhooks, newest first, a page at a time. */
export async function listWebhooks(db: Db, memberId: string, page: PageRequest) {
  const query = db.selectFrom('webhooks').selectAll().where('member_id', '=', memberId);
  return paginate(
    db,
    query,
    {
      list: 'listWebhooks',
      columns: ['created_at', 'id'],
      order: 'desc',
      values: (r) => [r.created_at, r.id],
    },
    page,
  );
}

export async function findWebhook(
  db: Db,
  memberId: string,
  id: string,
): Promise<WebhookRow | undefined> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** The working webhooks of these members, for writing an event's deliveries. */
/** The webhooks of one or two members, prepared once: every send, answer and withdrawal asks. */
const pairWebhooks = prepare((db, a: { first: string; second: string }) =>
  db
    .selectFrom('webhooks')
    .selectAll()
    .where('member_id', 'in', [a.first, a.second])
    .where('disabled_at', 'is', null),
);

export async function activeWebhooksOf(db: Db, memberIds: string[]): Promise<WebhookRow[]> {
  const [first, second, ...more] = memberIds;
  if (first === undefined) return [];
  if (more.length === 0) return pairWebhooks.all(db, { first, second: second ?? first });
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('member_id', 'in', memberIds)
    .where('disabled_at', 'is', null)
    .execute();
}

/** Deletes a webhook with its deliveries and their log; false when it was not the member's. */
export async function deleteWebhook(db: Db, memberId: string, id: string): Promise<boolean> {
  const owned = await findWebhook(db, memberId, id);
  if (!owned) return false;
  await db.deleteFrom('webhook_attempts').where('webhook_id', '=', id).execute();
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  // The row as the delete found it: a racing delete or turning off may have come between, and
  // has then taken it off the count already, or answered for it.
  const deleted = await db
    .deleteFrom('webhooks')
    .where('id', '=', id)
    .returning('disabled_at')
    .executeTakeFirst();
  if (!deleted) return false;
  if (!deleted.disabled_at) await countWorking(db, memberId, -1);
  return true;
}

export async function insertDeliveries(db: Db, rows: WebhookDeliveryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('webhook_deliveries').values(rows).execute();
}

/** Claims up to `limit` due deliveries until `until`, as mail is claimed; see db/leases.ts. */
export function claimDueDeliveries(
  db: Db,
  now: string,
  until: string,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return claimDue(db, 'webhook_deliveries', now, until, limit);
}

/**
 * Starts one try at a claimed delivery: counts it and renews the claim, only while the claim
 * is still `claim`. Nothing when another worker took the delivery over.
 */
export function startDeliveryAttempt(
  db: Db,
  id: string,
  claim: string,
  renewedUntil: string,
): Promise<WebhookDeliveryRow | undefined> {
  return startAttemptOn(db, 'webhook_deliveries', id, claim, renewedUntil);
}

export async function findWebhookById(db: Db, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAttempt(db: Db, row: WebhookAttemptRow): Promise<void> {
  await db.insertInto('webhook_attempts').values(row).execute();
}

/** Ends a delivery's try: delivered, due again at `nextAttemptAt`, or given up. */
export async function finishDeliveryAttempt(
  db: Db,
  id: string,
  claim: string,
  outcome:
    | { status: 'delivered'; at: string }
    | { status: 'pending'; nextAttemptAt: string; error: string }
    | { status: 'failed' | 'cancelled'; error: string },
): Promise<boolean> {
  const set =
    outcome.status === 'delivered'
      ? { status: outcome.status, delivered_at: outcome.at, last_error: null }
      : outcome.status === 'pending'
        ? { next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error }
        : { status: outcome.status, last_error: outcome.error };
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ ...set, claimed_until: null })
    .where('id', '=', id)
    .where('claimed_until', '=', claim)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A success ends the webhook's run of failures. */
export async function endFailureRun(db: Db, id: string): Promise<void> {
  await db.updateTable('webhooks').set({ failing_since: null }).where('id', '=', id).execute();
}

/**
 * Records a failed try at `at` and gives back when the webhook's run of failures began: at `at`
 * when no run was under way, or its last failure was before `runBrokenBefore`.
 */
export async function recordFailure(
  db: Db,
  id: string,
  at: string,
  runBrokenBefore: string,
): Promise<string | null> {
  const row = await db
    .updateTable('webhooks')
    .set((eb) => ({
      failing_since: eb
        .case()
        .when(
          eb.or([
            eb('failing_since', 'is', null),
            eb('last_failed_at', 'is', null),
            eb('last_failed_at', '<', runBrokenBefore),
          ]),
        )
        .then(at)
        .else(eb.ref('failing_since'))
        .end(),
      last_failed_at: at,
    }))
    .where('id', '=', id)
    .returning('failing_since')
    .executeTakeFirst();
  return row?.failing_since ?? null;
}

/** Turns a webhook off and cancels what it had waiting; false when it was off already. */
export async function disableWebhook(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ disabled_at: at })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .returning('member_id')
    .executeTakeFirst();
  if (!result) return false;
  await countWorking(db, result.member_id, -1);
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', claimed_until: null, last_error: 'the webhook was turned off' })
    .where('webhook_id', '=', id)
    .where(equalsBesidePartialIndex(db, 'status', 'pending'))
    .execute();
  return true;
}

/** The deliveries still waiting on the recipients' own webhooks, locked for taking back. */
function unsentToRecipients(db: Db) {
  return db
    .selectFrom('webhook_deliveries as d')
    .select('d.id')
    .where(equalsBesidePartialIndex(db, 'd.status', 'pending'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('invitations as i')
          .innerJoin('webhooks as w', 'w.member_id', 'i.recipient_id')
          .select('i.id')
          .whereRef('i.id', '=', 'd.invitation_id')
          .whereRef('w.id', '=', 'd.webhook_id'),
      ),
    );
}

/** The common case of one invitation, prepared: a single withdrawal, expiry or block. */
const unsentForOne = prepare((db, a: { id: string }) =>
  unsentToRecipients(db).where('d.invitation_id', '=', a.id).forUpdate(),
);

/**
 * R15, R20: takes back what the recipients of these invitations were not sent yet: their
 * webhooks' deliveries about them still waiting, with the log of any failed tries. The rows are
 * locked first, so a worker sending one of them now either logs its try before they go or
 * finds them gone. The senders' deliveries stay: theirs is a record of what they did.
 */
export async function deleteUnsentToRecipients(db: Db, invitationIds: string[]): Promise<void> {
  const [first, ...more] = invitationIds;
  if (first === undefined) return;
  const unsent =
    more.length === 0
      ? await unsentForOne.all(db, { id: first })
      : await unsentToRecipients(db)
          .where(anyOf(db, 'd.invitation_id', invitationIds))
          .forUpdate()
          .execute();
  await deleteDeliveries(
    db,
    unsent.map((d) => d.id),
  );
}

/**
 * Deletes these deliveries with the log of their tries, a bounded number per statement: a bulk
 * withdrawal or a member leaving can take back many.
 */
export async function deleteDeliveries(db: Db, ids: string[]): Promise<void> {
  for (const chunk of chunksOf(ids)) {
    await db
      .deleteFrom('webhook_attempts')
      .where(anyOf(db, 'delivery_id', chunk))
      .execute();
    await db
      .deleteFrom('webhook_deliveries')
      .where(anyOf(db, 'id', chunk))
      .execute();
  }
}

/**
 * Locks a delivery for recording the try just made; nothing when the delivery was taken back
 * while the try ran (see `deleteUnsentToRecipients`).
 */
export async function lockDelivery(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** A webhook's tries, newest first, with the event each was for. */
export async function listAttempts(db: Db, webhookId: string, page: PageRequest) {
  const query = db
    .selectFrom('webhook_attempts as a')
    .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
    .select([
      'a.id',
      'a.delivery_id',
      'a.attempted_at',
      'a.response_status',
      'a.error',
      'd.type',
      'd.status as delivery_status',
    ])
    .where('a.webhook_id', '=', webhookId);
  return paginate(
    db,
    query,
    {
      list: 'listAttempts',
      columns: ['a.attempted_at', 'a.id'],
      order: 'desc',
      values: (r) => [r.attempted_at, r.id],
    },
    page,
  );
}

export interface InvitationParties {
  id: string;
  kind: string;
  sender_id: string;
  recipient_id: string;
  target_id: string;
  /** R20: the recipient as they were when they blocked the sender, which is all the sender sees. */
  frozen_recipient: string | null;
}
