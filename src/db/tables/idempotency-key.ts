/** R36: the first answer to a POST carrying an Idempotency-Key, kept for 24 hours. */
export interface IdempotencyKeyTable {
  member_id: string;
  key: string;
  /** SHA-256 of the method, path and body, so the same key with another request is refused. */
  request_hash: string;
  /** Null while the first request still runs. */
  status: number | null;
  content_type: string | null;
  response_body: string | null;
  created_at: string;
}
