import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Check } from '../../db/carried-check.js';
import { isUniqueViolation, violatesUniqueColumn } from '../../db/errors.js';
import { type PageRequest, presentPage } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import { memberTexts, PROFILE_TEXT } from '../../lib/text.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { addDays, elapsedSince, HOUR_MS, MINUTE_MS } from '../../lib/time.js';
import type { TokenScope } from '../../db/tables/access-token.js';
import type { ServiceDeps } from '../deps.js';
import type { Registration } from '../registration/registration.service.js';
import { accountSuspended, newMemberRow } from '../members/member.js';
import { type MemberRow } from '../members/member.repository.js';
import {
  emailExists,
  findMemberByEmail,
  handleExists,
  insertMember,
  releaseNamesOfLeft,
} from '../members/member.service.js';
import {
  deleteAccessToken,
  deleteOtherSessions,
  deleteOwnSession,
  deleteSession,
  accessTokenCheck,
  findAccessTokenByHash,
  findSession,
  insertAccessToken,
  insertSession,
  listAccessTokens,
  listSessions,
  touchAccessToken,
  touchSession,
} from './account.repository.js';
import type { CredentialService } from './credential.service.js';
import { type HashCost, hashPassword, verifyPassword } from './password.js';
import { TokenCache } from './token-cache.js';
import { assertStrongPassword } from './password.policy.js';

const SESSION_DAYS = 30;
/** R29: how long the handle and email of a member who left stay taken. */
const NAMES_HELD_DAYS = 30;
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
  /** A token's scope (R28); a session may do anything its member may. */
  scope: TokenScope;
}

export interface TokenAuthentication extends Authenticated {
  /** The token's lookup, still to be carried by the request's first statement; null when done. */
  check: Check | null;
}

export interface TokenInput {
  name: string;
  scope?: TokenScope;
  expiresInDays?: number;
}

/** The longest a browser's description of itself is kept. */
const USER_AGENT_MAX = 400;

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

export function invalidToken(): DomainError {
  return new DomainError('unauthenticated', 'The access token is not valid.');
}

/** Throws when a token's lookup found none, or found its member suspended (R32). */
function refuseToken(row: { suspended_at: string | null } | undefined): void {
  if (!row) throw invalidToken();
  if (row.suspended_at) throw accountSuspended();
}

export class AccountService {
  /** Only where a statement can carry a token's lookup; on SQLite a lookup costs no round trip. */
  private readonly knownTokens: TokenCache | null;
  /**
   * Checked against when the email is unknown, so a wrong email costs as long as a wrong
   * password; made at the start, so that the first such sign-in does not take longer either.
   */
  private readonly unknownMemberHash: Promise<string>;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly registration: Registration,
    private readonly credentials: CredentialService,
    private readonly passwordCost: HashCost,
  ) {
    this.knownTokens = deps.database.dialect === 'postgres' ? new TokenCache() : null;
    this.unknownMemberHash = hashPassword('rapport-unknown-member', passwordCost);
  }

  async signUp(
    raw: SignUpInput,
    userAgent?: string,
  ): Promise<{ member: MemberRow; session: NewSession }> {
    const input = memberTexts(raw, PROFILE_TEXT);
    const now = this.deps.clock.now();
    const email = input.email.trim().toLowerCase();
    this.registration.check(email, input.inviteCode);
    assertStrongPassword(input.password, {
      handle: input.handle ?? handleFromName(input.name),
      email,
    });
    const passwordHash = await hashPassword(input.password, this.passwordCost);
    // A racing sign-up can take the email or handle between the checks below and the insert;
    // the unique index then refuses it. A handle we made up ourselves is simply made up again.
    for (let attempt = 1; ; attempt++) {
      try {
        const member = await this.insertNewMember(input, email, passwordHash, now);
        return { member, session: await this.createSession(member.id, userAgent) };
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
      const givenHandle = input.handle?.toLowerCase() ?? null;
      await releaseNamesOfLeft(
        db,
        { email, handle: givenHandle },
        addDays(now, -NAMES_HELD_DAYS).toISOString(),
      );
      if (await emailExists(db, email)) {
        throw new DomainError('email_taken', 'An account with this email address already exists.');
      }
      const handle = givenHandle ?? (await this.freeHandle(db, input.name));
      if (givenHandle && (await handleExists(db, handle))) {
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
    userAgent?: string,
  ): Promise<{ member: MemberRow; session: NewSession }> {
    const member = await findMemberByEmail(this.deps.database.db, emailInput.trim());
    const ok = await verifyPassword(
      member?.password_hash ?? (await this.unknownMemberHash),
      password,
    );
    // A member who left (R29) keeps a row with no password, so this never lets them in.
    if (!member || !ok || member.deleted_at)
      throw new DomainError('unauthenticated', 'The email address or password is wrong.');
    if (member.suspended_at) throw accountSuspended();
    return { member, session: await this.createSession(member.id, userAgent) };
  }

  private async createSession(
    memberId: string,
    userAgent: string | undefined,
  ): Promise<NewSession> {
    const now = this.deps.clock.now();
    const secret = newSecret();
    const session = { secret, csrfToken: newSecret(), expiresAt: addDays(now, SESSION_DAYS) };
    await insertSession(this.deps.database.db, {
      id: hashSecret(secret),
      member_id: memberId,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      last_used_at: now.toISOString(),
      user_agent: userAgent?.slice(0, USER_AGENT_MAX) ?? null,
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

  async authenticateCookie(secret: string): Promise<Authenticated | null> {
    const id = hashSecret(secret);
    const session = await findSession(this.deps.database.db, id);
    const now = this.deps.clock.now();
    if (!session || new Date(session.expires_at) <= now) return null;
    if (session.suspended_at) throw accountSuspended();
    // R28 shows when a session was last used; to the minute is enough, and spares most requests a write.
    if (!session.last_used_at || elapsedSince(session.last_used_at, now) > MINUTE_MS) {
      await touchSession(this.deps.database.db, id, now.toISOString());
    }
    return {
      memberId: session.member_id,
      session: { id, csrfToken: session.csrf_token },
      scope: 'write',
    };
  }

  /**
   * Who a bearer token belongs to. On PostgreSQL a token let in here within the hour is not
   * looked up first: `check` is its lookup, for the request's first statement to carry.
   */
  async authenticateToken(token: string): Promise<TokenAuthentication | null> {
    const hash = hashSecret(token);
    const now = this.deps.clock.now();
    const known = this.knownTokens?.get(hash, now);
    if (known) {
      return {
        memberId: known.memberId,
        session: null,
        scope: known.scope,
        // A refused token stays known: each of its requests is refused the same way.
        check: accessTokenCheck(this.deps.database.db, hash, refuseToken),
      };
    }
    const row = await findAccessTokenByHash(this.deps.database.db, hash);
    // An expired token answers like an unknown one (R28).
    if (!row || (row.expires_at && new Date(row.expires_at) <= now)) return null;
    if (row.suspended_at) throw accountSuspended();
    let lastUsedAt = row.last_used_at;
    // Recording every use would add a write to every request; once an hour says enough.
    if (!lastUsedAt || elapsedSince(lastUsedAt, now) > HOUR_MS) {
      lastUsedAt = now.toISOString();
      await touchAccessToken(this.deps.database.db, row.id, lastUsedAt);
    }
    this.knownTokens?.remember(hash, {
      memberId: row.member_id,
      scope: row.scope,
      expiresAt: row.expires_at,
      lastUsedAt,
    });
    return { memberId: row.member_id, session: null, scope: row.scope, check: null };
  }

  /** R28: the member's sessions; `current` is the one the request came with. */
  async listSessions(memberId: string, currentId: string | null, page: PageRequest) {
    const now = this.deps.clock.now().toISOString();
    const found = await listSessions(this.deps.database.db, memberId, now, page);
    return presentPage(found, (r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at ?? r.created_at,
      userAgent: r.user_agent,
      current: r.id === currentId,
    }));
  }

  /** Someone else's session answers like one that does not exist. */
  async endSession(memberId: string, id: string): Promise<void> {
    if (!(await deleteOwnSession(this.deps.database.db, memberId, id))) {
      throw new DomainError('session_not_found', 'There is no such session.');
    }
  }

  /** Every session but the one the request came with (every one, for a token's request). */
  async endOtherSessions(memberId: string, currentId: string | null): Promise<void> {
    await deleteOtherSessions(this.deps.database.db, memberId, currentId);
  }

  async createToken(memberId: string, input: TokenInput) {
    const now = this.deps.clock.now();
    const token = newSecret('rpt_');
    const row = {
      id: newId(now),
      member_id: memberId,
      name: input.name.trim(),
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      last_used_at: null,
      scope: input.scope ?? 'write',
      expires_at:
        input.expiresInDays === undefined ? null : addDays(now, input.expiresInDays).toISOString(),
    };
    await insertAccessToken(this.deps.database.db, row);
    return { ...presentToken(row), token };
  }

  async listTokens(memberId: string, page: PageRequest) {
    return presentPage(await listAccessTokens(this.deps.database.db, memberId, page), presentToken);
  }

  async deleteToken(memberId: string, id: string): Promise<void> {
    if (!(await deleteAccessToken(this.deps.database.db, memberId, id))) {
      throw new DomainError('token_not_found', 'There is no such token.');
    }
  }
}

function presentToken(r: {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  scope: TokenScope;
  expires_at: string | null;
}) {
  return {
    id: r.id,
    name: r.name,
    scope: r.scope,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
  };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
