/** What R1–R9 know about a connection invitation from one member to another, and pure reads of it. */
import { isPastExpiry } from './invitation.js';
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
  /** R8: the wrong addresses the sender gave for the recipient in the window, and the oldest. */
  emailAttempts: { count: number; oldest: string | null };
}

/**
 * The invitation from `senderId` that is open from its sender's side and not past its expiry.
 * R3: it is also the one whose recipient's own invitation back connects the two at once, a
 * blocked one included: its recipient may have lifted the block since.
 */
export function senderOpenFrom(
  facts: InviteFacts,
  senderId: string,
  now: Date,
): InvitationRow | undefined {
  return facts.between.find((r) => r.sender_id === senderId && !isPastExpiry(r.expires_at, now));
}

/** R13: the ones already past their expiry, which the expiry job has not reached yet. */
export function overdue(facts: InviteFacts, now: Date): InvitationRow[] {
  return facts.between.filter((r) => isPastExpiry(r.expires_at, now));
}
