export type InvitationKind = 'connection' | 'page' | 'event';
export type InvitationStatus =
  'pending' | 'accepted' | 'ignored' | 'withdrawn' | 'expired' | 'blocked';
export type WithdrawCause =
  'sender' | 'cleanup' | 'automatic' | 'block' | 'suspension' | 'connected' | 'leaving';

export interface InvitationTable {
  id: string;
  kind: InvitationKind;
  sender_id: string;
  recipient_id: string;
  /** The page or event invited to; '' for a connection invitation, so uniqueness works on both databases. */
  target_id: string;
  status: InvitationStatus;
  note: string | null;
  how_known: string | null;
  sent_at: string;
  updated_at: string;
  responded_at: string | null;
  /** When the recipient ignored it; an accept after it (R38) leaves it, for their history. */
  ignored_at: string | null;
  ignore_reason: string | null;
  withdrawn_at: string | null;
  withdraw_cause: WithdrawCause | null;
  kept: number;
  remind_at: string | null;
  reminders_sent: number;
  expires_at: string;
  /** R20: the recipient's summary (JSON) as it was when they blocked the sender; null otherwise. */
  frozen_recipient: string | null;
  /** R20: what the sender's search matches of that frozen recipient. */
  frozen_search: string | null;
}
