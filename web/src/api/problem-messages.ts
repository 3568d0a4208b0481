import { ApiError } from './client.js';
import { formatAvailableAt } from '../lib/time.js';

interface Context {
  /** The other member's first name or name, when the action was about someone. */
  name?: string;
}

type Describe = (retryAt: string | undefined, who: string) => string;

const until = (retryAt: string | undefined) =>
  retryAt ? ` ${formatAvailableAt(retryAt)}` : ' later';

const messages: Record<string, Describe> = {
  invitation_already_open: (_, who) =>
    `You have already invited ${who}; the invitation is waiting.`,
  cannot_invite_self: () => "You can't invite yourself.",
  already_connected: (_, who) => `You are already connected with ${who}.`,
  member_not_found: () => 'This member could not be found.',
  note_too_long: () => 'Your note is longer than allowed. Shorten it and try again.',
  weekly_invitation_limit: (retryAt) =>
    `You've sent as many invitations as allowed this week. You can send more${until(retryAt)}.`,
  too_many_open_invitations: () =>
    'You have too many invitations waiting for an answer. Withdraw old ones on the Sent tab to send new ones.',
  sender_connection_limit: () =>
    "You've reached the maximum number of connections, so you can't invite anyone new.",
  connection_limit_reached: () =>
    "You've reached the maximum number of connections, so you can't accept new ones.",
  recipient_connection_limit: (_, who) =>
    `${who} has reached the maximum number of connections. You can follow them instead.`,
  email_required: (_, who) =>
    `${who} only accepts invitations from people who know their email address.`,
  resend_cooldown: (retryAt, who) => `You can invite ${who} again${until(retryAt)}.`,
  email_attempts_exhausted: (retryAt, who) =>
    `Too many wrong email addresses were given for ${who}. You can try again${until(retryAt)}.`,
  invitation_not_open: () => 'This invitation has already been answered or withdrawn.',
  invitation_not_found: () => 'This invitation no longer exists.',
  page_credits_exhausted: (retryAt) =>
    `This page has used its invitations for the month. More arrive${until(retryAt)}.`,
  event_invitation_limit: (retryAt) =>
    `This event has sent as many invitations as allowed this week. Try again${until(retryAt)}.`,
  reblock_locked: (retryAt, who) =>
    `You unblocked ${who} recently, so you can block them again${until(retryAt)}.`,
  connection_not_found: (_, who) => `You are not connected with ${who}.`,
  page_invitations_forbidden: () => "This member doesn't accept invitations to follow pages.",
  already_following: (_, who) => `${who} already follows this page.`,
  already_attending: (_, who) => `${who} is already attending this event.`,
  page_not_found: () => 'This page could not be found.',
  event_not_found: () => 'This event could not be found.',
  payload_too_large: () => 'That is more than Rapport can take at once. Try with less.',
  validation_failed: () => 'Some of the details are not valid. Check the form and try again.',
  unauthenticated: () => 'Your sign-in has ended. Please sign in again.',
  email_taken: () => 'An account with this email already exists. Try signing in instead.',
  handle_taken: () => 'That handle is taken. Pick another one.',
  csrf_failed: () => 'The page was open too long. Reload it and try again.',
  wrong_password: () => "That password isn't right.",
  session_not_found: () => 'That session has already ended.',
  token_not_found: () => 'That token has already been revoked.',
  insufficient_scope: () => 'This token may only read.',
  forbidden: () => "You're not allowed to do that.",
  not_found: () => 'We could not find what you were looking for.',
  rate_limited: (retryAt) =>
    retryAt
      ? `Too many attempts. Try again ${formatAvailableAt(retryAt)}.`
      : 'Too many attempts. Wait a moment and try again.',
  webhook_url_not_allowed: () =>
    'That URL cannot receive webhooks. Use an https address that is reachable on the internet.',
  webhook_limit_reached: () => 'You have as many webhooks as allowed. Delete one to add another.',
  webhook_not_found: () => 'This webhook no longer exists.',
  // Made by the client when no answer came; every other key is a code the server sends.
  network_error: () => "We couldn't reach Rapport. Check your connection and try again.",
  service_unavailable: () => 'Rapport is briefly unavailable. Try again in a few seconds.',
  registration_closed: () => 'Registration on this instance is closed.',
  invite_code_required: () => 'Signing up here needs an invite code.',
  invalid_invite_code: () => 'That invite code is unknown, used up or expired.',
  email_domain_not_allowed: () => "Sign-up isn't open to addresses at that domain.",
  account_suspended: () => 'This account is suspended.',
  email_unverified: () =>
    'Please verify your email address first: follow the link we emailed you. Until then you cannot send invitations.',
  invalid_token: () =>
    'This link no longer works: it was used already, has expired, or your email address or password changed since it was sent.',
  weak_password: () => 'Choose a stronger password.',
  already_suspended: (_, who) => `${who} is already suspended.`,
  not_suspended: (_, who) => `${who} is not suspended.`,
  not_restricted: (_, who) => `${who} is not restricted.`,
};

const FALLBACK = 'Something went wrong. Please try again.';

/** A refusal code (from an error or from `canInvite`) as a sentence. */
export function describeCode(code: string, retryAt?: string | null, name?: string): string {
  const describe = messages[code];
  return describe ? describe(retryAt ?? undefined, name ?? 'this member') : FALLBACK;
}

/** Turns any failure into a sentence a member can act on; never shows a raw code. */
export function describeError(error: unknown, context: Context = {}): string {
  const who = context.name ?? 'this member';
  if (error instanceof ApiError) {
    const describe = error.code ? messages[error.code] : undefined;
    if (describe) return describe(error.problem.retryAt, who);
    if (error.status >= 500) return 'Something went wrong on our side. Please try again.';
    if (error.status === 401) return messages.unauthenticated!(undefined, who);
    // The server words every refusal for the member ("The headline contains a zero-width
    // character."): better than a sentence that says nothing of what to change.
    if (error.problem.detail) return error.problem.detail;
  }
  return FALLBACK;
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}
