export interface AccessTokenTable {
  id: string;
  member_id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once, at creation. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}
