export type AccountTokenPurpose = 'verify_email' | 'password_reset';

/** A single-use link sent by mail (R25, R26); deleted when used. */
export interface AccountTokenTable {
  /** SHA-256 of the token; the token itself is only in the mail. */
  id: string;
  member_id: string;
  purpose: AccountTokenPurpose;
  /** The address the link was sent to: a link for an address the member left is void. */
  email: string;
  created_at: string;
  expires_at: string;
}
