export type OutboxStatus = 'pending' | 'sent' | 'cancelled' | 'failed';
/** Mail about invitations, each kind of which a member can turn off. */
export type InvitationMailTemplate = 'invitation' | 'reminder' | 'accepted';
/** Mail about the account itself (R25, R26): always sent, never unsubscribed from. */
export type AccountMailTemplate = 'verify_email' | 'password_reset';
export type MailTemplate = InvitationMailTemplate | AccountMailTemplate;

/** Mail waiting for delivery, written in the same transaction as the change that causes it. */
export interface OutboxTable {
  id: string;
  recipient_id: string;
  to_email: string;
  template: MailTemplate;
  invitation_id: string | null;
  /** The invitation status the mail is about; delivery re-checks it before sending. */
  expects_status: string | null;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
