export interface SessionTable {
  /** SHA-256 of the cookie's secret. */
  id: string;
  member_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
