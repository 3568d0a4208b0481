import { REF_COLUMNS, statusIn, TARGETED } from './invitation.repository.js';
import type { Db } from '../../db/types.js';
import type { InvitationKind } from '../../db/tables/invitation.js';
import { SENDER_OPEN_STATUSES, TRANSITION_FROM } from './invitation.js';
import type { InvitationRef } from './invitation.repository.js';

/**
 * R1 for pages and events: an open invitation to this recipient for this target from any of
 * its admins or organizers, so that a member is invited to a page or event once at a time.
 */
export async function findOpenForTarget(
  db: Db,
  recipientId: string,
  kind: InvitationKind,
  targetId: string,
): Promise<{ id: string; sender_id: string } | undefined> {
  return db
    .selectFrom('invitations')
    .select(['id', 'sender_id'])
    .where(TARGETED)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('recipient_id', '=', recipientId)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .executeTakeFirst();
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
