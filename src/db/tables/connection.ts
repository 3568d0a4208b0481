/** Two rows per connection, one from each side, so each member's list is one index range. */
export interface ConnectionTable {
  member_id: string;
  peer_id: string;
  created_at: string;
}
