import { ApiError } from '../api/client.js';
import { describeError } from '../api/problem-messages.js';

/** R27, said before a member types a new password. */
export const PASSWORD_POLICY =
  'At least 10 characters. Not a common password, and without your handle or the name part of your email address.';

const WEAK_REASONS: Record<string, string> = {
  too_short: 'Your new password is too short: it needs at least 10 characters.',
  too_long: 'Your new password is too long: keep it to 256 characters.',
  common: 'That password is among the most common ones, so it is easy to guess. Choose another.',
  contains_email: 'Your password may not contain the name part of your email address.',
};

/** A refused new password in plain words, with the reason the server gave. */
export function describePasswordError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'weak_password') {
    const { reason, detail } = error.problem;
    // The server names the handle, which sign-up makes from the name without showing it.
    if (reason === 'contains_handle' && detail) return `${detail} Choose another.`;
    return WEAK_REASONS[reason ?? ''] ?? describeError(error);
  }
  return describeError(error);
}
