import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isUniqueViolation, violatesUniqueColumn } from '../../db/errors.js';
import { DomainError } from '../../lib/errors.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { addDays, HOUR_MS } from '../../lib/time.js';
import type { ServiceDeps } from '../deps.js';
import type { Registration } from '../registration/registration.service.js';
import { newMemberRow } from '../members/member.js';
import { type MemberRow } from '../members/member.repository.js';
import { findMemberByEmail, handleExists, insertMember } from '../members/member.service.js';
import {
  deleteAccessToken,
  deleteSession,
  findAccessTokenByHash,
  findSession,
  insertAccessToken,
  insertSession,
  listAccessTokens,
  touchAccessToken,
} from './account.repository.js';
import type { CredentialService } from './credential.service.js';
import { hashPassword, UNKNOWN_MEMBER_HASH, verifyPassword } from './password.js';
import { assertStrongPassword } from './password.policy.js';

const SESSION_DAYS = 30;
export const HANDLE_PATTERN = '^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$';

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  handle?: string;
  headline?: string;
  company?: string;
  industry?: string;
  location?: string;
  inviteCode?: string;
}

export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface Authenticated {
  memberId: string;
  /** Set when the request came with the session cookie; such state changes need the CSRF token. */
  session: { id: string; csrfToken: string } | null;
}

/** A handle from a name: "Bea Recipient" → "bea-recipient". */
function handleFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return base.length >= 3 ? base : `member-${base || randomBytes(2).toString('hex')}`;
}

const HANDLE_ATTEMPTS = 5;

function suspended(): DomainError {
  return new DomainError('account_suspended', 'This account is suspended.');
}

export class AccountService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly registration: Registration,
    private readonly credentials: CredentialService,
  ) {}

  async signUp(input: SignUpInput): Promise<{ member: MemberRow; session: NewSession }> {
    const now = this.deps.clock.now();
    const email = input.email.trim().toLowerCase();
    this.registration.check(email, input.inviteCode);
    assertStrongPassword(input.password, {
      handle: input.handle ?? handleFromName(input.name),
      email,
    });
    const passwordHash = await hashPassword(input.password);
    // A racing sign-up can take the email or handle between the checks below and the insert;
    // the unique index then refuses it. A handle we made up ourselves is simply made up again.
    for (let attempt = 1; ; attempt++) {
      try {
        const member = await this.insertNewMember(input, email, passwordHash, now);
        return { member, session: await this.createSession(member.id) };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (!violatesUniqueColumn(error, 'members', 'handle')) {
          throw new DomainError(
            'email_taken',
            'An account with this email address already exists.',
          );
        }
        if (input.handle || attempt >= HANDLE_ATTEMPTS) {
          throw new DomainError('handle_taken', `The handle "${input.handle ?? ''}" is taken.`);
        }
      }
    }
  }

  private async insertNewMember(
    input: SignUpInput,
    email: string,
    passwordHash: string,
    now: Date,
  ): Promise<MemberRow> {
    const at = now.toISOString();
    return this.deps.database.transaction(async (db) => {
      if (await findMemberByEmail(db, email)) {
        throw new DomainError('email_taken', 'An account with this email address already exists.');
      }
      const handle = input.handle
        ? input.handle.toLowerCase()
        : await this.freeHandle(db, input.name);
      if (input.handle && (await handleExists(db, handle))) {
        throw new DomainError('handle_taken', `The handle "${handle}" is taken.`);
      }
      await this.registration.admit(db, input.inviteCode, now);
      const row = newMemberRow({ ...input, id: newId(now), email, passwordHash, handle }, at);
      await insertMember(db, row);
      await this.credentials.welcome(db, row, now);
      return row;
    });
  }

  private async freeHandle(db: Parameters<typeof handleExists>[0], name: string): Promise<string> {
    const base = handleFromName(name);
    if (!(await handleExists(db, base))) return base;
    for (;;) {
      const candidate = `${base}-${randomBytes(2).toString('hex')}`;
      if (!(await handleExists(db, candidate))) return candidate;
    }
  }

  async signIn(
    emailInput: string,
    password: string,
  ): Promise<{ member: MemberRow; session: NewSession }> {
    const member = await findMemberByEmail(this.deps.database.db, emailInput.trim());
    const ok = await verifyPassword(member?.password_hash ?? (await UNKNOWN_MEMBER_HASH), password);
    if (!member || !ok)
      throw new DomainError('unauthenticated', 'The email address or password is wrong.');
    if (member.suspended_at) throw suspended();
    return { member, session: await this.createSession(member.id) };
  }

  private async createSession(memberId: string): Promise<NewSession> {
    const now = this.deps.clock.now();
    const secret = newSecret();
    const session = { secret, csrfToken: newSecret(), expiresAt: addDays(now, SESSION_DAYS) };
    await insertSession(this.deps.database.db, {
      id: hashSecret(secret),
      member_id: memberId,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      expires_at: session.expiresAt.toISOString(),
    });
    return session;
  }

  async signOut(sessionId: string): Promise<void> {
    await deleteSession(this.deps.database.db, sessionId);
  }

  /** Sign-in replaces the session the browser had, so a planted cookie cannot be kept. */
  async signOutSecret(secret: string): Promise<void> {
    await deleteSession(this.deps.database.db, hashSecret(secret));
  }

  async csrfTokenOf(sessionId: string): Promise<string | undefined> {
    return (await findSession(this.deps.database.db, sessionId))?.csrf_token;
  }

  async authenticateCookie(secret: string): Promise<Authenticated | null> {
    const id = hashSecret(secret);
    const session = await findSession(this.deps.database.db, id);
    if (!session || new Date(session.expires_at) <= this.deps.clock.now()) return null;
    if (session.suspended_at) throw suspended();
    return { memberId: session.member_id, session: { id, csrfToken: session.csrf_token } };
  }

  async authenticateToken(token: string): Promise<Authenticated | null> {
    const row = await findAccessTokenByHash(this.deps.database.db, hashSecret(token));
    if (!row) return null;
    if (row.suspended_at) throw suspended();
    const now = this.deps.clock.now();
    // Recording every use would add a write to every request; once an hour says enough.
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > HOUR_MS) {
      await touchAccessToken(this.deps.database.db, row.id, now.toISOString());
    }
    return { memberId: row.member_id, session: null };
  }

  async createToken(memberId: string, name: string) {
    const now = this.deps.clock.now();
    const token = newSecret('rpt_');
    const row = {
      id: newId(now),
      member_id: memberId,
      name: name.trim(),
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      last_used_at: null,
    };
    await insertAccessToken(this.deps.database.db, row);
    return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: null, token };
  }

  async listTokens(memberId: string) {
    const rows = await listAccessTokens(this.deps.database.db, memberId);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async deleteToken(memberId: string, id: string): Promise<void> {
    if (!(await deleteAccessToken(this.deps.database.db, memberId, id))) {
      throw new DomainError('token_not_found', 'There is no such token.');
    }
  }
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
