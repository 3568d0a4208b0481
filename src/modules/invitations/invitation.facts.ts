/** What R1–R9 know about a connection invitation from one member to another, and pure reads of it. */
import { isPastExpiry, OPEN_STATUSES } from './invitation.js';
import type { InvitationRow } from './invitation.repository.js';

export interface InviteFacts {
  /** Connection invitations between the two, either way, open from their sender's side (R1). */
  between: InvitationRow[];
  blocked: boolean;
  connected: boolean;
  /** R16: the sender's latest withdrawal to the recipient that starts a cooldown. */
  lastWithdrawal: string | null;
  /** R8: the recipient imported the sender's address. */
  senderInContacts: boolean;
  /** R5: the sender's connection invitations in the rolling week, and the oldest of them. */
  weekly: { count: number; oldest: string | null };
  /** R6: the sender's invitations of any kind still open. */
  openSent: number;
}

/** The invitation from `senderId` that is open from its sender's side and not past its expiry. */
export function senderOpenFrom(
  facts: InviteFacts,
  senderId: string,
  now: Date,
): InvitationRow | undefined {
  return facts.between.find((r) => r.sender_id === senderId && !isPastExpiry(r.expires_at, now));
}

/** R3: the invitation from `senderId` that its recipient could still answer. */
export function answerableFrom(
  facts: InviteFacts,
  senderId: string,
  now: Date,
): InvitationRow | undefined {
  const open = senderOpenFrom(facts, senderId, now);
  return open && OPEN_STATUSES.includes(open.status) ? open : undefined;
}

/** R13: the ones already past their expiry, which the expiry job has not reached yet. */
export function overdue(facts: InviteFacts, now: Date): InvitationRow[] {
  return facts.between.filter((r) => isPastExpiry(r.expires_at, now));
}
