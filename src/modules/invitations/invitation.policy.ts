/**
 * Who may do what to an invitation (CONVENTIONS 14), as one pure function of the viewer, the
 * action, the invitation and the time. What the recipient may no longer see answers as if it
 * never existed (R15, R20); what the sender sees as pending stays pending to them (R11).
 */
import { DomainError } from '../../lib/errors.js';
import {
  hiddenFromRecipient,
  isPastExpiry,
  SENDER_OPEN_STATUSES,
  TRANSITION_FROM,
  type InvitationStatus,
} from './invitation.js';

export type InvitationAction = 'view' | 'accept' | 'ignore' | 'withdraw' | 'keep';
export type ViewerRole = 'sender' | 'recipient';

export interface PolicySubject {
  sender_id: string;
  recipient_id: string;
  status: InvitationStatus;
  expires_at: string;
}

export function invitationNotFound(): DomainError {
  return new DomainError('invitation_not_found', 'There is no such invitation.');
}

export function invitationNotOpen(): DomainError {
  return new DomainError('invitation_not_open', 'This invitation is no longer open.');
}

/** The status as of `now`: past its expiry it has expired (R13), even before the job marks it. */
export function effectiveStatus(row: PolicySubject, now: Date): InvitationStatus {
  return TRANSITION_FROM.expire.includes(row.status) && isPastExpiry(row.expires_at, now)
    ? 'expired'
    : row.status;
}

const RECIPIENT_ACTIONS: readonly InvitationAction[] = ['view', 'accept', 'ignore'];
const SENDER_ACTIONS: readonly InvitationAction[] = ['view', 'withdraw', 'keep'];

/**
 * Returns the viewer's role when `action` is allowed; otherwise throws the refusal the viewer
 * may be told: 404 `invitation_not_found`, 403 `forbidden`, or 409 `invitation_not_open`.
 */
export function authorizeInvitation(
  viewerId: string,
  action: InvitationAction,
  row: PolicySubject,
  now: Date,
): ViewerRole {
  const status = effectiveStatus(row, now);
  if (row.sender_id === viewerId) {
    // `keep` is a sender-only action too, but R17 hides nothing from the sender.
    if (!SENDER_ACTIONS.includes(action)) {
      throw new DomainError('forbidden', `Only the recipient can ${action} an invitation.`);
    }
    if (action === 'withdraw' && !TRANSITION_FROM.withdraw.includes(status)) {
      throw invitationNotOpen();
    }
    if (action === 'keep' && !SENDER_OPEN_STATUSES.includes(status)) throw invitationNotOpen();
    return 'sender';
  }
  if (row.recipient_id !== viewerId || hiddenFromRecipient(status)) throw invitationNotFound();
  if (action === 'keep') throw invitationNotFound();
  if (!RECIPIENT_ACTIONS.includes(action)) {
    throw new DomainError('forbidden', `Only the sender can ${action} an invitation.`);
  }
  if (action !== 'view' && !TRANSITION_FROM[action].includes(status)) {
    throw new DomainError('invitation_not_open', 'This invitation has already been answered.');
  }
  return 'recipient';
}
