/** Every refusal the API can give, with the HTTP status it maps to (SPEC.md §2 and §3). */
const ERROR_STATUS = {
  validation_failed: 400,
  cannot_invite_self: 400,
  note_too_long: 400,
  invalid_text: 400,
  webhook_url_not_allowed: 400,
  weak_password: 400,
  invalid_token: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  insufficient_scope: 403,
  wrong_password: 403,
  email_required: 403,
  resend_cooldown: 403,
  sender_connection_limit: 403,
  recipient_connection_limit: 403,
  too_many_open_invitations: 403,
  page_invitations_forbidden: 403,
  registration_closed: 403,
  invite_code_required: 403,
  invalid_invite_code: 403,
  email_domain_not_allowed: 403,
  account_suspended: 403,
  email_unverified: 403,
  not_found: 404,
  member_not_found: 404,
  invitation_not_found: 404,
  connection_not_found: 404,
  page_not_found: 404,
  event_not_found: 404,
  token_not_found: 404,
  session_not_found: 404,
  webhook_not_found: 404,
  invitation_already_open: 409,
  already_connected: 409,
  connection_limit_reached: 409,
  invitation_not_open: 409,
  email_taken: 409,
  idempotency_key_in_use: 409,
  handle_taken: 409,
  reblock_locked: 409,
  webhook_limit_reached: 409,
  already_following: 409,
  already_attending: 409,
  already_suspended: 409,
  not_suspended: 409,
  not_restricted: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  idempotency_key_reused: 422,
  unsupported_media_type: 415,
  weekly_invitation_limit: 429,
  page_credits_exhausted: 429,
  event_invitation_limit: 429,
  email_attempts_exhausted: 429,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorExtras {
  retryAt?: Date;
  canFollow?: boolean;
  reason?: string;
  errors?: { path: string; message: string }[];
}

/** A refusal with a stable code; the one error handler turns it into problem details. */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = ERROR_STATUS[code];
  }
}
