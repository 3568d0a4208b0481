export interface SessionTable {
  /** SHA-256 of the cookie's secret. */
  id: string;
  member_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** Written at most once a minute (R28), so a request does not cost a write. */
  last_used_at: string | null;
  user_agent: string | null;
}
