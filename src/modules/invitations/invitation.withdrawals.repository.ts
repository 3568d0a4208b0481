import type { Db, Tx } from '../../db/types.js';
import { paginate, type Page, type PageRequest } from '../../db/pagination.js';
import { equalsLiteral } from '../../db/literals.js';
import type { InvitationKind, WithdrawCause } from '../../db/tables/invitation.js';
import { SENDER_OPEN_STATUSES, TRANSITION_FROM } from './invitation.js';
import { type InvitationRef, REF_COLUMNS, statusIn } from './invitation.repository.js';

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
  tx: Tx,
  days: number,
  sentBefore: string,
  now: string,
  limit: number,
): Promise<InvitationRef[]> {
  return tx
    .selectFrom('invitations')
    .select(REF_COLUMNS)
    .where('sender_id', 'in', (eb) =>
      eb.selectFrom('members').select('id').where('auto_withdraw_after_days', '=', days),
    )
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('kept', '=', 0)
    .where('sent_at', '<=', sentBefore)
    .where('expires_at', '>', now)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** R13: locks up to `limit` open invitations past their expiry; rows another worker holds are skipped. */
export async function lockExpired(tx: Tx, now: Date, limit: number): Promise<InvitationRef[]> {
  return tx
    .selectFrom('invitations')
    .select(REF_COLUMNS)
    .where(statusIn(TRANSITION_FROM.expire))
    .where('expires_at', '<=', now.toISOString())
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Senders with open invitations sent at or before `sentBefore`, and how many each, for the operator's clean-up. */
export async function sendersWithStale(
  db: Db,
  options: { sentBefore: string; now: string; kind?: InvitationKind; senderId?: string },
): Promise<{ senderId: string; count: number }[]> {
  let query = db
    .selectFrom('invitations')
    .select(['sender_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(statusIn(SENDER_OPEN_STATUSES))
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
  /** R20: the recipient as they were when they blocked the sender, if they did. */
  frozen_recipient: string | null;
  /** The page's or event's name; null for a connection invitation. */
  target_name: string | null;
}

/** Causes a member's export shows: their own withdrawals; a block's is not theirs to list. */
const EXPORTED_CAUSES: WithdrawCause[] = ['sender', 'cleanup', 'automatic'];

/** One page of the sender's past withdrawals, newest withdrawal first. */
export async function listWithdrawn(
  db: Db,
  senderId: string,
  page: PageRequest,
): Promise<Page<WithdrawnRow>> {
  const query = db
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
      'invitations.frozen_recipient',
      eb.fn.coalesce('pages.name', 'events.name').as('target_name'),
    ])
    .where('invitations.sender_id', '=', senderId)
    .where(equalsLiteral('invitations.status', 'withdrawn'))
    .where('invitations.withdraw_cause', 'in', EXPORTED_CAUSES)
    .$narrowType<{ withdrawn_at: string; withdraw_cause: WithdrawCause }>();
  return paginate(
    db,
    query,
    {
      list: 'listWithdrawn',
      columns: ['invitations.withdrawn_at', 'invitations.id'],
      order: 'desc',
      values: (r) => [r.withdrawn_at, r.id],
    },
    page,
  );
}
