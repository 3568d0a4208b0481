export type OutboxStatus = 'pending' | 'sent' | 'cancelled' | 'failed';
export type MailTemplate = 'invitation' | 'reminder' | 'accepted';

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
