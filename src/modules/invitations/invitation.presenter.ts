import {
  type MemberSummary,
  recipientForSender,
  type SummaryFields,
  toSummary,
} from '../members/member.presenter.js';
import { statusForSender } from './invitation.js';
import type { InvitationRow, ListedInvitation } from './invitation.repository.js';
import type { TargetRow } from './invitation.views.repository.js';

export type Target = TargetRow | null;

export interface ReceivedInvitation {
  id: string;
  kind: InvitationRow['kind'];
  /** Only the recipient ever sees an invitation as ignored (R11, R38). */
  status: 'pending' | 'ignored';
  sentAt: string;
  note: string | null;
  howKnown: string | null;
  sender: MemberSummary;
  mutualCount: number;
  target: Target;
}

export interface SentInvitation {
  id: string;
  kind: InvitationRow['kind'];
  status: 'pending';
  sentAt: string;
  note: string | null;
  howKnown: string | null;
  recipient: MemberSummary;
  kept: boolean;
  target: Target;
  /** When a resend would be allowed if this invitation were withdrawn now (R14). */
  resendAvailableAt: string;
}

export interface InvitationDetail {
  id: string;
  kind: InvitationRow['kind'];
  status: string;
  viewerRole: 'sender' | 'recipient';
  sentAt: string;
  note: string | null;
  howKnown: string | null;
  sender: MemberSummary;
  recipient: MemberSummary;
  kept: boolean | null;
  target: Target;
  history: { type: string; at: string }[];
}

/** What every list shows of an open invitation; to its sender an ignore reads as pending (R11). */
function openFields(row: ListedInvitation) {
  return {
    id: row.id,
    kind: row.kind,
    status: 'pending' as const,
    sentAt: row.sent_at,
    note: row.note,
    howKnown: row.how_known,
  };
}

export function toReceived(
  row: ListedInvitation,
  sender: SummaryFields,
  mutualCount: number,
  target: Target,
): ReceivedInvitation {
  return {
    ...openFields(row),
    status: row.status === 'ignored' ? 'ignored' : 'pending',
    sender: toSummary(sender),
    mutualCount,
    target,
  };
}

export function toSent(
  row: ListedInvitation,
  recipient: SummaryFields,
  target: Target,
  resendAvailableAt: Date,
): SentInvitation {
  return {
    ...openFields(row),
    recipient: recipientForSender(row.frozen_recipient, recipient),
    kept: row.kept === 1,
    target,
    resendAvailableAt: resendAvailableAt.toISOString(),
  };
}

/**
 * One invitation as its viewer may see it: the sender never sees an ignore or a block (R11,
 * R20), and the recipient never sees what was taken away from them (R15).
 */
export function toDetail(
  row: InvitationRow,
  viewerRole: 'sender' | 'recipient',
  sender: SummaryFields,
  recipient: SummaryFields,
  target: Target,
): InvitationDetail {
  const history: { type: string; at: string }[] = [{ type: 'sent', at: row.sent_at }];
  // The recipient's own ignore stays in their history after they accept (R38).
  if (viewerRole === 'recipient' && row.ignored_at)
    history.push({ type: 'ignored', at: row.ignored_at });
  if (row.status === 'accepted' && row.responded_at)
    history.push({ type: 'accepted', at: row.responded_at });
  if (row.status === 'withdrawn' && row.withdrawn_at)
    history.push({ type: 'withdrawn', at: row.withdrawn_at });
  if (row.status === 'expired') history.push({ type: 'expired', at: row.expires_at });
  const isSender = viewerRole === 'sender';
  return {
    id: row.id,
    kind: row.kind,
    status: isSender ? statusForSender(row.status) : row.status,
    viewerRole,
    sentAt: row.sent_at,
    note: row.note,
    howKnown: row.how_known,
    sender: toSummary(sender),
    recipient: isSender
      ? recipientForSender(row.frozen_recipient, recipient)
      : toSummary(recipient),
    kept: isSender ? row.kept === 1 : null,
    target,
    history,
  };
}
