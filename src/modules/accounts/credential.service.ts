/**
 * A member's email address and password (R25–R27): verifying the address, resetting a
 * forgotten password, and changing either. Links travel by mail as single-use tokens of which
 * only the SHA-256 is stored.
 */
import type { AccountTokenPurpose } from '../../db/tables/account-token.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Db } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { HOUR_MS } from '../../lib/time.js';
import type { AccountMailPayload } from '../../mail/compose.js';
import type { ServiceDeps } from '../deps.js';
import { accountGone, unverifiedSender } from '../members/member.js';
import type { MemberRow } from '../members/member.repository.js';
import { findMemberByEmail, findMemberById, updateMember } from '../members/member.service.js';
import { enqueueMail, pendingMail } from '../outbox/outbox.service.js';
import type { Registration } from '../registration/registration.service.js';
import {
  type AccountTokenRow,
  deleteAccountTokens,
  deleteSessionsOf,
  findAccountToken,
  insertAccountToken,
  takeAccountToken,
} from './credential.repository.js';
import { type HashCost, hashPassword, verifyPassword } from './password.js';
import { assertStrongPassword } from './password.policy.js';

const LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * HOUR_MS,
  password_reset: HOUR_MS,
};

function invalidToken(): DomainError {
  return new DomainError(
    'invalid_token',
    'This link is not valid: it was used already, has expired, or your email address or password changed since it was sent.',
  );
}

function emailTaken(): DomainError {
  return new DomainError('email_taken', 'An account with this email address already exists.');
}

/** A link's secret, and the hash that is all the database keeps of it. */
interface LinkToken {
  token: string;
  id: string;
}

function newLinkToken(): LinkToken {
  const token = newSecret();
  return { token, id: hashSecret(token) };
}

/** Whether a link's token row still works for `member`: in time, and for the address they have now. */
function worksFor(
  row: AccountTokenRow | undefined,
  member: Pick<MemberRow, 'id' | 'email'> | undefined,
  now: Date,
): boolean {
  return (
    row !== undefined &&
    new Date(row.expires_at) > now &&
    row.member_id === member?.id &&
    row.email === member.email
  );
}

/**
 * Whether the link `token` makes still works for `member`: not used, not expired, and for the
 * address they have now. A mail whose link no longer does is not worth sending (R25, R26).
 */
export async function linkStillWorks(
  db: Db,
  purpose: AccountTokenPurpose,
  token: string | null,
  member: Pick<MemberRow, 'id' | 'email'>,
  now: Date,
): Promise<boolean> {
  if (token === null) return false;
  return worksFor(await findAccountToken(db, hashSecret(token), purpose), member, now);
}

/** Stores a single-use token for `purpose` and queues the mail that carries it, in the caller's transaction. */
async function mailAccountLink(
  db: Db,
  member: Pick<MemberRow, 'id' | 'email'>,
  purpose: AccountTokenPurpose,
  now: Date,
  { token, id }: LinkToken = newLinkToken(),
): Promise<void> {
  const at = now.toISOString();
  await insertAccountToken(db, {
    id,
    member_id: member.id,
    purpose,
    email: member.email,
    created_at: at,
    expires_at: new Date(now.getTime() + LIFETIME_MS[purpose]).toISOString(),
  });
  const payload: AccountMailPayload = { token };
  await enqueueMail(
    db,
    pendingMail(
      {
        id: newId(now),
        recipient_id: member.id,
        to_email: member.email,
        template: purpose,
        invitation_id: null,
        expects_status: null,
        payload: JSON.stringify(payload),
      },
      at,
    ),
  );
}

export class CredentialService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly registration: Registration,
    private readonly requireVerifiedEmail: boolean,
    private readonly passwordCost: HashCost,
  ) {}

  private async member(memberId: string): Promise<MemberRow> {
    const member = await findMemberById(this.deps.database.db, memberId);
    if (!member) throw accountGone();
    return member;
  }

  /**
   * In the sign-up's transaction: the first verification link (R25). Where the instance does not
   * require a verified address, verification is only shown, and the member asks for a link.
   */
  async welcome(db: Db, member: MemberRow, now: Date): Promise<void> {
    if (this.requireVerifiedEmail) await mailAccountLink(db, member, 'verify_email', now);
  }

  /** R25: sending any invitation needs a verified address while the instance requires one. */
  async assertMaySend(memberId: string): Promise<void> {
    if (!this.requireVerifiedEmail) return;
    const refusal = unverifiedSender(await this.member(memberId), this.requireVerifiedEmail);
    if (refusal) throw refusal;
  }

  /** R25: a new verification link, unless the address is verified already. */
  async resendVerification(memberId: string): Promise<{ emailVerified: boolean }> {
    const member = await this.member(memberId);
    if (member.email_verified_at !== null) return { emailVerified: true };
    await this.deps.database.transaction((tx) =>
      mailAccountLink(tx, member, 'verify_email', this.deps.clock.now()),
    );
    return { emailVerified: false };
  }

  /** R25: a verification link marks the address it was sent to as verified, once. */
  async verifyEmail(token: string): Promise<{ email: string; emailVerified: true }> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (tx) => {
      const row = await takeAccountToken(tx, hashSecret(token), 'verify_email');
      const member = await this.tokenMember(tx, row, now);
      await updateMember(tx, member.id, { email_verified_at: now.toISOString() });
      return { email: member.email, emailVerified: true as const };
    });
  }

  /** The member a used token is for, while the token is in time and their address unchanged. */
  private async tokenMember(
    db: Db,
    row: AccountTokenRow | undefined,
    now: Date,
  ): Promise<MemberRow> {
    const member = row && (await findMemberById(db, row.member_id));
    if (!member || !worksFor(row, member, now)) throw invalidToken();
    return member;
  }

  /**
   * R26: mails a reset link when the address has an account. The answer and the work before it
   * are the same either way, so neither the reply nor its time tells whether an account exists.
   */
  async requestPasswordReset(emailInput: string): Promise<void> {
    const now = this.deps.clock.now();
    const email = emailInput.trim().toLowerCase();
    const link = newLinkToken();
    await this.deps.database.transaction(async (tx) => {
      const member = await findMemberByEmail(tx, email);
      if (member) await mailAccountLink(tx, member, 'password_reset', now, link);
    });
  }

  /**
   * R26: sets the new password, counts the address as verified (the link proved it) and ends
   * every session; personal access tokens stay.
   */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const now = this.deps.clock.now();
    const id = hashSecret(token);
    // Checked before hashing, so a weak password leaves the link usable for a better one.
    const found = await findAccountToken(this.deps.database.db, id, 'password_reset');
    const member = await this.tokenMember(this.deps.database.db, found, now);
    assertStrongPassword(password, member);
    const passwordHash = await hashPassword(password, this.passwordCost);
    await this.deps.database.transaction(async (tx) => {
      const taken = await this.tokenMember(
        tx,
        await takeAccountToken(tx, id, 'password_reset'),
        now,
      );
      await this.setPassword(tx, taken, passwordHash, null, now);
      if (taken.email_verified_at === null) {
        await updateMember(tx, taken.id, { email_verified_at: now.toISOString() });
      }
    });
  }

  /** R27: a new password, given the current one; every other session ends. */
  async changePassword(
    memberId: string,
    currentSessionId: string | null,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const member = await this.member(memberId);
    await this.checkCurrentPassword(member, currentPassword);
    assertStrongPassword(newPassword, member);
    const passwordHash = await hashPassword(newPassword, this.passwordCost);
    await this.deps.database.transaction((tx) =>
      this.setPassword(tx, member, passwordHash, currentSessionId, now),
    );
  }

  /**
   * R25: a new address, given the current password. It is unverified until the link mailed to
   * it is followed; links mailed to the old address are void. `alongside` writes in the same
   * transaction (the profile fields of the same request), even when the address stays as it was.
   */
  async changeEmail(
    memberId: string,
    currentPassword: string,
    emailInput: string,
    alongside?: (db: Db) => Promise<void>,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const email = emailInput.trim().toLowerCase();
    const member = await this.member(memberId);
    await this.checkCurrentPassword(member, currentPassword);
    const changed = email !== member.email;
    if (changed) this.registration.checkEmailDomain(email);
    try {
      await this.deps.database.transaction(async (tx) => {
        if (changed) {
          if (await findMemberByEmail(tx, email)) throw emailTaken();
          await updateMember(tx, member.id, {
            email,
            email_verified_at: null,
            updated_at: now.toISOString(),
          });
          await deleteAccountTokens(tx, member.id, 'verify_email');
          await deleteAccountTokens(tx, member.id, 'password_reset');
          await mailAccountLink(tx, { id: member.id, email }, 'verify_email', now);
        }
        await alongside?.(tx);
      });
    } catch (error) {
      // A racing sign-up or change took the address between the check and the update.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  private async checkCurrentPassword(member: MemberRow, password: string): Promise<void> {
    if (!(await verifyPassword(member.password_hash, password))) {
      throw new DomainError('wrong_password', 'Your current password is not right.', {
        errors: [{ path: '/body/currentPassword', message: 'is not your current password' }],
      });
    }
  }

  /**
   * Every way a password changes ends here: reset links still out are void (R26), and sessions
   * end — all of them, or all but the one that made the change.
   */
  private async setPassword(
    db: Db,
    member: MemberRow,
    passwordHash: string,
    keepSession: string | null,
    now: Date,
  ): Promise<void> {
    await updateMember(db, member.id, {
      password_hash: passwordHash,
      updated_at: now.toISOString(),
    });
    await deleteAccountTokens(db, member.id, 'password_reset');
    await deleteSessionsOf(db, member.id, keepSession);
  }
}
