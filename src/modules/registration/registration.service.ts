import { randomBytes } from 'node:crypto';
import type { RegistrationMode } from '../../config.js';
import type { Db } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import {
  insertInviteCode,
  type InviteCodeRow,
  takeInviteCodeUse,
} from './invite-code.repository.js';

export interface RegistrationRules {
  registration: RegistrationMode;
  allowedEmailDomains: string[];
}

export interface InviteCode {
  code: string;
  maxUses: number;
  uses: number;
  expiresAt: string;
  createdAt: string;
}

/** R31: who may sign up, by the instance's registration mode and allowed email domains. */
export class Registration {
  constructor(private readonly rules: RegistrationRules) {}

  get mode(): RegistrationMode {
    return this.rules.registration;
  }

  /** The checks that need no database, made before the password is hashed. */
  check(email: string, inviteCode: string | undefined): void {
    if (this.rules.registration === 'closed') {
      throw new DomainError('registration_closed', 'Registration on this instance is closed.');
    }
    this.checkEmailDomain(email);
    if (this.rules.registration === 'invite' && !inviteCode?.trim()) {
      throw new DomainError(
        'invite_code_required',
        'Signing up on this instance needs an invite code.',
      );
    }
  }

  /** Whether members may use this address: at sign-up, and when they change their email. */
  checkEmailDomain(email: string): void {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    const allowed = this.rules.allowedEmailDomains;
    if (allowed.length > 0 && !allowed.includes(domain)) {
      throw new DomainError(
        'email_domain_not_allowed',
        `Accounts here are open to addresses at ${allowed.join(', ')} only.`,
      );
    }
  }

  /** Inside the sign-up's transaction, so a sign-up that fails gives the use back. */
  async admit(db: Db, inviteCode: string | undefined, now: Date): Promise<void> {
    if (this.rules.registration !== 'invite') return;
    if (!(await takeInviteCodeUse(db, asTyped(inviteCode ?? ''), now.toISOString()))) {
      throw new DomainError(
        'invalid_invite_code',
        'The invite code is unknown, used up or expired.',
      );
    }
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A code as a person typed it, read the way Crockford base 32 is meant to be: in either case,
 * with the look-alikes O, I and L taken for 0 and 1, and spaces or hyphens between groups left out.
 */
function asTyped(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** 16 characters of Crockford base 32 (80 random bits): no look-alike letters to mistype. */
function newInviteCode(): string {
  return [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
}

export async function createInviteCode(
  db: Db,
  input: { createdBy: string | null; maxUses: number; expiresAt: Date; now: Date },
): Promise<InviteCode> {
  const row: InviteCodeRow = {
    code: newInviteCode(),
    created_by: input.createdBy,
    max_uses: input.maxUses,
    uses: 0,
    expires_at: input.expiresAt.toISOString(),
    created_at: input.now.toISOString(),
  };
  await insertInviteCode(db, row);
  return toInviteCode(row);
}

export function toInviteCode(row: InviteCodeRow): InviteCode {
  return {
    code: row.code,
    maxUses: row.max_uses,
    uses: row.uses,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}
