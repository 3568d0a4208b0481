/** R32: a suspended member's connection, from their side, until the suspension ends. */
export interface SuspendedConnectionTable {
  suspended_id: string;
  peer_id: string;
  created_at: string;
}

/** R32: a follow to or from a suspended member, held by that member's suspension. */
export interface SuspendedFollowTable {
  suspended_id: string;
  follower_id: string;
  followee_id: string;
  created_at: string;
}
