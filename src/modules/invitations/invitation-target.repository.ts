import { statusIn, TARGETED } from './invitation.repository.js';
import type { Db } from '../../db/types.js';
import type { InvitationKind } from '../../db/tables/invitation.js';
import { SENDER_OPEN_STATUSES, TRANSITION_FROM } from './invitation.js';

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
 * R13 before R1: the recipient's invitations to this target that are past their expiry become
 * `expired` now, as the expiry job would, so that one every list already treats as gone does
 * not refuse a new one. Returns their ids.
 */
export async function expireOverdueForTarget(
  db: Db,
  recipientId: string,
  kind: InvitationKind,
  targetId: string,
  at: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('invitations')
    .set({ status: 'expired', updated_at: at, remind_at: null })
    .where(TARGETED)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('recipient_id', '=', recipientId)
    .where(statusIn(TRANSITION_FROM.expire))
    .where('expires_at', '<=', at)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
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
