import { cooldownWithdrawals, REF_COLUMNS, statusIn, TARGETED } from './invitation.repository.js';
import type { Db } from '../../db/types.js';
import type { InvitationKind } from '../../db/tables/invitation.js';
import { SENDER_OPEN_STATUSES, TRANSITION_FROM } from './invitation.js';
import type { InvitationRef } from './invitation.repository.js';

/** Where a member stands with one page or event's invitations, as its inviter sees it. */
export interface InviteeFacts {
  /** R1: an open invitation to the target, from any of its admins or organizers. */
  open: boolean;
  /** R16: when the inviter last withdrew an invitation to them for it, a cooldown's start. */
  withdrawnAt: string | null;
}

/**
 * R1 and R16 for each of `recipientIds` at once: a picker of thousands of connections asks a
 * page of them at a time, and a send asks for its one recipient. An invitation past its expiry
 * is not open, as every list treats it; a send expires such ones first.
 */
export async function inviteeFacts(
  db: Db,
  key: { senderId: string; kind: InvitationKind; targetId: string },
  recipientIds: string[],
  now: Date,
): Promise<Map<string, InviteeFacts>> {
  if (recipientIds.length === 0) return new Map();
  const open = await db
    .selectFrom('invitations')
    .select('recipient_id')
    .where(TARGETED)
    .where('kind', '=', key.kind)
    .where('target_id', '=', key.targetId)
    .where('recipient_id', 'in', recipientIds)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', now.toISOString())
    .execute();
  const withdrawn = await cooldownWithdrawals(db, { ...key, recipientIds })
    .select((eb) => ['recipient_id', eb.fn.max('withdrawn_at').as('at')])
    .groupBy('recipient_id')
    .execute();
  const openTo = new Set(open.map((r) => r.recipient_id));
  const withdrawnAt = new Map(withdrawn.map((r) => [r.recipient_id, r.at]));
  return new Map(
    recipientIds.map((id) => [
      id,
      { open: openTo.has(id), withdrawnAt: withdrawnAt.get(id) ?? null },
    ]),
  );
}

/**
 * R13 before R1: the recipient's invitations to this target that are past their expiry but not
 * yet marked, so that the send can expire them first, as the expiry job would, instead of
 * refusing a new one over an invitation every list already treats as gone.
 */
export async function findOverdueForTarget(
  db: Db,
  recipientId: string,
  kind: InvitationKind,
  targetId: string,
  now: Date,
): Promise<InvitationRef[]> {
  return db
    .selectFrom('invitations')
    .select(REF_COLUMNS)
    .where(TARGETED)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('recipient_id', '=', recipientId)
    .where(statusIn(TRANSITION_FROM.expire))
    .where('expires_at', '<=', now.toISOString())
    .execute();
}

/** R22: invitations to one target sent since `since` (any status), and the oldest of them. */
export async function countTargetSentSince(
  db: Db,
  kind: InvitationKind,
  targetId: string,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('sent_at').as('oldest')])
    .where(TARGETED)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('sent_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ?? null };
}
