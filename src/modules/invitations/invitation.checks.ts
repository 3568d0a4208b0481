/**
 * The checks a connection invitation must pass (R1–R9), in the order a member would want to
 * hear about them, the recipient's address last (R8). Shared by sending and by the profile's `canInvite` (R24), so the two can
 * never disagree.
 */
import { memberNotFound } from '../members/member.js';
import type { RuleConfig } from '../../config.js';
import type { Db } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import { addDays } from '../../lib/time.js';
import type { MemberRow } from '../members/member.repository.js';
import { type InviteFacts, senderOpenFrom } from './invitation.facts.js';
import { isRestricted, resendAvailableAt, weeklyRetryAt } from './invitation.js';
import { countSenderOpen, type InvitationRow } from './invitation.repository.js';

export interface InviteCheck {
  /** R3: the recipient's own open invitation to the sender, which sending would accept. */
  mutual: InvitationRow | null;
}

function sameEmail(a: string | undefined, b: string): boolean {
  return a !== undefined && a.trim().toLowerCase() === b.toLowerCase();
}

export function checkConnectionInvite(
  rules: RuleConfig,
  sender: MemberRow,
  recipient: MemberRow,
  facts: InviteFacts,
  now: Date,
  email?: string,
): InviteCheck {
  if (sender.id === recipient.id) {
    throw new DomainError('cannot_invite_self', 'You cannot invite yourself.');
  }
  if (facts.blocked) {
    throw memberNotFound();
  }
  if (facts.connected) {
    throw new DomainError('already_connected', `You are already connected with ${recipient.name}.`);
  }
  if (senderOpenFrom(facts, sender.id, now)) {
    throw new DomainError('invitation_already_open', `You have already invited ${recipient.name}.`);
  }
  if (sender.connection_count >= rules.maxConnections) {
    throw new DomainError(
      'sender_connection_limit',
      `You have reached the limit of ${rules.maxConnections} connections. Remove a connection to invite someone new.`,
    );
  }
  if (recipient.connection_count >= rules.maxConnections) {
    throw new DomainError(
      'recipient_connection_limit',
      `${recipient.name} has reached the limit of ${rules.maxConnections} connections. You can follow them instead.`,
      { canFollow: true },
    );
  }
  const mutual = senderOpenFrom(facts, recipient.id, now);
  if (mutual) return { mutual };

  const cooldown = cooldownRefusal(rules, recipient, facts.lastWithdrawal, now);
  if (cooldown) throw cooldown;
  const { weekly } = facts;
  if (weekly.count >= rules.weeklyInvitationLimit && weekly.oldest) {
    throw new DomainError(
      'weekly_invitation_limit',
      `You have sent ${rules.weeklyInvitationLimit} invitations in the last 7 days.`,
      { retryAt: weeklyRetryAt(new Date(weekly.oldest)) },
    );
  }
  refuseOverOpenCap(rules, facts.openSent);
  checkAddress(rules, sender, recipient, facts, now, email);
  return { mutual: null };
}

/**
 * R8, R9: the recipient's address, when one is needed. It is the last check, so that every
 * other refusal answers a wrong address and a right one alike, and wrong addresses are capped:
 * past the cap every attempt answers the same, whatever address it gives.
 */
function checkAddress(
  rules: RuleConfig,
  sender: MemberRow,
  recipient: MemberRow,
  facts: InviteFacts,
  now: Date,
  email: string | undefined,
): void {
  const restrictedUntil = isRestricted(sender.restricted_until, now)
    ? sender.restricted_until
    : null;
  const policy = recipient.invitation_policy === 'email_or_contacts' && !facts.senderInContacts;
  if (restrictedUntil === null && !policy) return;
  const attempts = facts.emailAttempts;
  if (attempts.count >= rules.emailAttemptsLimit && attempts.oldest) {
    throw new DomainError(
      'email_attempts_exhausted',
      `Too many wrong email addresses were given for ${recipient.name}.`,
      { retryAt: addDays(new Date(attempts.oldest), rules.emailAttemptsWindowDays) },
    );
  }
  if (sameEmail(email, recipient.email)) return;
  if (restrictedUntil !== null) {
    throw new DomainError(
      'email_required',
      "While your invitations are restricted, each one needs the recipient's email address.",
      { reason: 'sender_restricted', retryAt: new Date(restrictedUntil) },
    );
  }
  throw new DomainError(
    'email_required',
    `${recipient.name} only accepts invitations from people who know their email address.`,
    { reason: 'recipient_policy' },
  );
}

/** R8: a send refused for its address after giving one gave a wrong one, which counts. */
export function isWrongAddress(error: unknown, email: string | undefined): error is DomainError {
  return (
    error instanceof DomainError &&
    error.code === 'email_required' &&
    email !== undefined &&
    email.trim() !== ''
  );
}

function refuseOverOpenCap(rules: RuleConfig, openSent: number): void {
  if (openSent >= rules.maxOpenSent) {
    throw new DomainError(
      'too_many_open_invitations',
      `You have ${rules.maxOpenSent} open invitations. Withdraw the ones older than two weeks ` +
        '(POST /api/v1/invitations/withdraw, or "Withdraw all older than 2 weeks" in Manage invitations) to send more.',
    );
  }
}

/** R6, for every kind of invitation. */
export async function checkOpenCap(
  db: Db,
  rules: RuleConfig,
  senderId: string,
  now: Date,
): Promise<void> {
  refuseOverOpenCap(rules, await countSenderOpen(db, senderId, now.toISOString()));
}

/**
 * R16: the refusal while the sender's last withdrawal of an invitation to `recipient` (of the
 * same kind and target) is less than the cooldown ago; none once it has passed, or without one.
 */
export function cooldownRefusal(
  rules: Pick<RuleConfig, 'resendCooldownDays'>,
  recipient: Pick<MemberRow, 'name'>,
  withdrawnAt: string | null,
  now: Date,
): DomainError | undefined {
  if (!withdrawnAt) return undefined;
  const retryAt = resendAvailableAt(new Date(withdrawnAt), rules.resendCooldownDays);
  if (retryAt <= now) return undefined;
  return new DomainError(
    'resend_cooldown',
    `You withdrew an invitation to ${recipient.name}; you can invite them again from ${retryAt.toISOString()}.`,
    { retryAt },
  );
}
