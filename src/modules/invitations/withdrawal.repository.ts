import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/types.js';
import type { Cursor } from '../../db/pagination.js';
import type { InvitationKind, WithdrawCause } from '../../db/tables/invitation.js';
import type { SummaryFields } from '../members/member.presenter.js';
import { SENDER_OPEN_STATUSES } from './invitation.js';

/**
 * Open as the sender sees it (pending, ignored or blocked), with the statuses written into the
 * SQL rather than bound: SQLite uses a partial index only when the query's condition matches
 * the index's own literally, as it does here for the sent, expiry and one-open indexes.
 */
export function openForSender(column = 'invitations.status'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(SENDER_OPEN_STATUSES.map((s) => sql.lit(s)))})`;
}

/**
 * The recipients of a clean-up, with only the fields its result shows: at 10,000 invitations,
 * reading whole member rows costs more than the withdrawal itself.
 */
export async function findRecipientSummaries(
  db: Db,
  ids: string[],
): Promise<Map<string, SummaryFields>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select(['id', 'handle', 'name', 'headline', 'company', 'industry', 'location'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The automatic-withdrawal settings (days) that at least one member has turned on (R18). */
export async function autoWithdrawSettings(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('members')
    .select('auto_withdraw_after_days as days')
    .distinct()
    .where('auto_withdraw_after_days', 'is not', null)
    .execute();
  return rows.map((r) => Number(r.days));
}

/**
 * Locks up to `limit` open, non-kept invitations sent at or before `sentBefore` by members whose
 * automatic withdrawal is set to `days`. Rows another worker holds are skipped, not waited for.
 */
export async function lockAutoWithdrawable(
  db: Db,
  days: number,
  sentBefore: string,
  now: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('invitations')
    .select('id')
    .where('sender_id', 'in', (eb) =>
      eb.selectFrom('members').select('id').where('auto_withdraw_after_days', '=', days),
    )
    .where(openForSender())
    .where('kept', '=', 0)
    .where('sent_at', '<=', sentBefore)
    .where('expires_at', '>', now)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.id);
}

/** Senders with open invitations sent at or before `sentBefore`, and how many each, for the operator's clean-up. */
export async function sendersWithStale(
  db: Db,
  options: { sentBefore: string; now: string; kind?: InvitationKind; senderId?: string },
): Promise<{ senderId: string; count: number }[]> {
  let query = db
    .selectFrom('invitations')
    .select(['sender_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(openForSender())
    .where('sent_at', '<=', options.sentBefore)
    .where('expires_at', '>', options.now)
    .groupBy('sender_id')
    .orderBy('sender_id');
  if (options.kind) query = query.where('kind', '=', options.kind);
  if (options.senderId) query = query.where('sender_id', '=', options.senderId);
  const rows = await query.execute();
  return rows.map((r) => ({ senderId: r.sender_id, count: Number(r.n) }));
}

export interface WithdrawnRow {
  id: string;
  kind: InvitationKind;
  target_id: string;
  sent_at: string;
  withdrawn_at: string;
  withdraw_cause: WithdrawCause;
  recipient_name: string;
  recipient_handle: string;
  /** The page's or event's name; null for a connection invitation. */
  target_name: string | null;
}

/** Causes a member's export shows: their own withdrawals; a block's is not theirs to list. */
const EXPORTED_CAUSES: WithdrawCause[] = ['sender', 'cleanup', 'automatic'];

/** One page of the sender's past withdrawals, newest first. */
export async function listWithdrawn(
  db: Db,
  senderId: string,
  after: Cursor | null,
  limit: number,
): Promise<WithdrawnRow[]> {
  let query = db
    .selectFrom('invitations')
    .innerJoin('members', 'members.id', 'invitations.recipient_id')
    .leftJoin('pages', (join) =>
      join.onRef('pages.id', '=', 'invitations.target_id').on('invitations.kind', '=', 'page'),
    )
    .leftJoin('events', (join) =>
      join.onRef('events.id', '=', 'invitations.target_id').on('invitations.kind', '=', 'event'),
    )
    .select((eb) => [
      'invitations.id',
      'invitations.kind',
      'invitations.target_id',
      'invitations.sent_at',
      'invitations.withdrawn_at',
      'invitations.withdraw_cause',
      'members.name as recipient_name',
      'members.handle as recipient_handle',
      eb.fn.coalesce('pages.name', 'events.name').as('target_name'),
    ])
    .where('invitations.sender_id', '=', senderId)
    .where('invitations.status', '=', 'withdrawn')
    .where('invitations.withdraw_cause', 'in', EXPORTED_CAUSES)
    .orderBy('invitations.withdrawn_at', 'desc')
    .orderBy('invitations.id', 'desc')
    .limit(limit);
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('invitations.withdrawn_at', 'invitations.id'),
        '<',
        eb.tuple(after.key, after.id),
      ),
    );
  }
  const rows = await query.execute();
  return rows as WithdrawnRow[];
}
