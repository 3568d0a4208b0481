export interface InviteCodeTable {
  code: string;
  /** null when made on the command line. */
  created_by: string | null;
  max_uses: number;
  uses: number;
  expires_at: string;
  created_at: string;
}

export type AdminAction =
  | 'grant_admin'
  | 'revoke_admin'
  | 'suspend'
  | 'unsuspend'
  | 'lift_restriction'
  | 'create_invite_code';

/** Append-only: rows are inserted, never changed or deleted. */
export interface AdminAuditTable {
  id: string;
  /** null when done on the command line. */
  admin_id: string | null;
  action: AdminAction;
  member_id: string | null;
  reason: string | null;
  created_at: string;
}
