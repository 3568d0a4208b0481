import type { Generated } from 'kysely';

export interface MemberTable {
  id: string;
  email: string;
  password_hash: string;
  name: string;
  handle: string;
  headline: string;
  company: string;
  industry: string;
  location: string;
  /** Lower-cased name, handle, headline and company, for search on both databases alike. */
  search_text: string;
  created_at: string;
  updated_at: string;
  /** Guards R7; changed in the same transaction as the connection rows it counts. */
  connection_count: number;
  invitation_policy: 'everyone' | 'email_or_contacts';
  email_on_invitation: number;
  email_reminders: number;
  email_on_accept: number;
  page_invitations: number;
  auto_withdraw_after_days: number | null;
  restricted_until: string | null;
  /** Defaults to 'member' in the database, so rows written before R32 need not name it. */
  role: Generated<'member' | 'admin'>;
  /** Set while an admin has suspended the member (R32). */
  suspended_at: string | null;
  suspension_reason: string | null;
  /** Null until the member follows the link mailed to their current address (R25). */
  email_verified_at: string | null;
  /** Set when the member left (R29): the row keeps others' records whole, with nothing personal. */
  deleted_at: string | null;
  /**
   * R35: how many of the member's webhooks are working, changed in the same transaction as they
   * are; zero lets a change the member is party to skip reading webhooks.
   */
  active_webhooks: Generated<number>;
}
