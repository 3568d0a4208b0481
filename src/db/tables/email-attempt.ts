/** R8: one wrong address a sender gave for a recipient who requires theirs. */
export interface EmailAttemptTable {
  sender_id: string;
  recipient_id: string;
  attempted_at: string;
}
