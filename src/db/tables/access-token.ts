import type { Generated } from 'kysely';

export interface AccessTokenTable {
  id: string;
  member_id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once, at creation. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  /** R28: a `read` token may not change anything. Defaults to 'write' for tokens made before scopes. */
  scope: Generated<TokenScope>;
  /** Null: the token does not expire. */
  expires_at: string | null;
}

export type TokenScope = 'read' | 'write';
