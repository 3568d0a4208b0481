import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../../lib/errors.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
const COMMON_COUNT = 10_000;
/** Shorter handles and email names would refuse too many passwords for too little. */
const MIN_PERSONAL_PART = 3;

/** The most common passwords, most common first, as zxcvbn-ts ships and maintains them. */
const COMMON = new Set(dictionary['passwords-common'].slice(0, COMMON_COUNT));

export type WeakPasswordReason =
  'too_short' | 'too_long' | 'common' | 'contains_handle' | 'contains_email';

/** Why, in words; the handle is named, since sign-up makes it from the name without showing it. */
const EXPLANATIONS: Record<WeakPasswordReason, (member: { handle: string }) => string> = {
  too_short: () => `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: () => `A password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: () => 'This password is among the 10,000 most common ones; please choose another.',
  contains_handle: ({ handle }) => `A password may not contain your handle, ${handle}.`,
  contains_email: () => 'A password may not contain the name part of your email address.',
};

/** What makes a password unacceptable for this member (R27), or null when it is fine. */
export function passwordWeakness(
  password: string,
  member: { handle: string; email: string },
): WeakPasswordReason | null {
  // Characters as people count them, not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'common';
  const handle = member.handle.toLowerCase();
  if (handle.length >= MIN_PERSONAL_PART && lower.includes(handle)) return 'contains_handle';
  const emailName = (member.email.split('@')[0] ?? '').toLowerCase();
  if (emailName.length >= MIN_PERSONAL_PART && lower.includes(emailName)) return 'contains_email';
  return null;
}

/** Refuses a weak password with `400 weak_password` and its `reason` (R27). */
export function assertStrongPassword(
  password: string,
  member: { handle: string; email: string },
): void {
  const reason = passwordWeakness(password, member);
  if (reason) throw new DomainError('weak_password', EXPLANATIONS[reason](member), { reason });
}
