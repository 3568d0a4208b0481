export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** R35: a member's endpoint for events; the secret signs every delivery. */
export interface WebhookTable {
  id: string;
  member_id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  /** `whsec_<base64>`, kept as is because every delivery is signed with it. */
  secret: string;
  created_at: string;
  /** Start of the current run of failed attempts; null after a success. */
  failing_since: string | null;
  /** The last failed attempt: a failure more than a day after it starts a new run. */
  last_failed_at: string | null;
  disabled_at: string | null;
}

/** One event for one webhook, written in the same transaction as the change it tells of. */
export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  type: string;
  /** The invitation an invitation event tells of, so its recipient's copy can be taken back. */
  invitation_id: string | null;
  /** The exact JSON body that is signed and sent. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** Every try at a delivery, for the delivery log. */
export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  webhook_id: string;
  attempted_at: string;
  response_status: number | null;
  error: string | null;
}
