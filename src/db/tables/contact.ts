export interface ContactTable {
  member_id: string;
  /** Lower-cased. */
  email: string;
  created_at: string;
}
