import type { MemberRow } from './member.repository.js';
import { searchTextOf } from './member.repository.js';
import { DomainError } from '../../lib/errors.js';

export interface NewMember {
  id: string;
  email: string;
  passwordHash: string;
  name: string;
  handle: string;
  headline?: string;
  company?: string;
  industry?: string;
  location?: string;
  /** Set for members made verified, such as demo members (R25); null for a new sign-up. */
  emailVerifiedAt?: string | null;
}

/** A new member's row with the default settings every account starts with. */
export function newMemberRow(member: NewMember, at: string): MemberRow {
  const row: MemberRow = {
    id: member.id,
    email: member.email.trim().toLowerCase(),
    password_hash: member.passwordHash,
    name: member.name.trim(),
    handle: member.handle,
    headline: member.headline?.trim() ?? '',
    company: member.company?.trim() ?? '',
    industry: member.industry?.trim() ?? '',
    location: member.location?.trim() ?? '',
    search_text: '',
    created_at: at,
    updated_at: at,
    connection_count: 0,
    invitation_policy: 'everyone',
    email_on_invitation: 1,
    email_reminders: 1,
    email_on_accept: 1,
    page_invitations: 1,
    auto_withdraw_after_days: null,
    restricted_until: null,
    role: 'member',
    suspended_at: null,
    suspension_reason: null,
    email_verified_at: member.emailVerifiedAt ?? null,
    deleted_at: null,
    active_webhooks: 0,
  };
  row.search_text = searchTextOf(row);
  return row;
}

/** Unknown and blocked (either way) answer alike, so a block cannot be detected (R2, R20). */
export function memberNotFound(): DomainError {
  return new DomainError('member_not_found', 'That member does not exist.');
}

export function accountGone(): DomainError {
  return new DomainError('unauthenticated', 'Your account no longer exists.');
}

export function accountSuspended(): DomainError {
  return new DomainError('account_suspended', 'This account is suspended.');
}

type Standing = Pick<MemberRow, 'deleted_at' | 'suspended_at'>;

/**
 * R29, R32: a request let in just before its member left or was suspended reaches its
 * transaction after that, and finds the member's row so once it holds the lock on it. Whatever
 * it would write (an invitation, a follow, a block) would outlast the member's leaving, so it is
 * refused as the member's next request is.
 */
export function assertStillIn(actor: Standing): void {
  if (actor.deleted_at !== null) throw accountGone();
  if (actor.suspended_at !== null) throw accountSuspended();
}

/** The other member of a locked pair, who may have left or been suspended since they were found. */
export function assertReachable(other: Standing): void {
  if (other.deleted_at !== null || other.suspended_at !== null) throw memberNotFound();
}

/**
 * R25: while the instance requires verified addresses, a member whose address is not verified
 * may send no invitation. Sending refuses with this error first, and a profile's `canInvite`
 * (R24) gives its code, so the two agree.
 */
export function unverifiedSender(
  member: Pick<MemberRow, 'email_verified_at'>,
  requireVerifiedEmail: boolean,
): DomainError | null {
  if (!requireVerifiedEmail || member.email_verified_at !== null) return null;
  return new DomainError(
    'email_unverified',
    'Please verify your email address before sending invitations: follow the link we mailed you, or ask for a new one.',
  );
}
