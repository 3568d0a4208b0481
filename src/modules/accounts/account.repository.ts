import type { Selectable } from 'kysely';
import type { Check } from '../../db/carried-check.js';
import type { Db } from '../../db/types.js';
import { paginate, type Page, type PageRequest } from '../../db/pagination.js';
import { prepare } from '../../db/prepared.js';
import type { AccessTokenTable } from '../../db/tables/access-token.js';
import type { SessionTable } from '../../db/tables/session.js';

export type SessionRow = Selectable<SessionTable>;
export type AccessTokenRow = Selectable<AccessTokenTable>;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Prepared: every request of the web app looks its session up. */
const sessionById = prepare((db, a: { id: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .selectAll('sessions')
    .select('members.suspended_at')
    .where('sessions.id', '=', a.id),
);

/** With the member's suspension, which every authenticated request must check (R32). */
export function findSession(
  db: Db,
  id: string,
): Promise<(SessionRow & { suspended_at: string | null }) | undefined> {
  return sessionById.first(db, { id });
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** R28, R40: the member's sessions that can still be used, newest first, a page at a time. */
export async function listSessions(
  db: Db,
  memberId: string,
  now: string,
  page: PageRequest,
): Promise<Page<SessionRow>> {
  const query = db
    .selectFrom('sessions')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('expires_at', '>', now);
  return paginate(
    db,
    query,
    {
      list: 'listSessions',
      columns: ['created_at', 'id'],
      order: 'desc',
      values: (r) => [r.created_at, r.id],
    },
    page,
  );
}

/** One of the member's own sessions; someone else's counts as none. */
export async function deleteOwnSession(db: Db, memberId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('member_id', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every session of the member but `keep` (null: every one). */
export async function deleteOtherSessions(
  db: Db,
  memberId: string,
  keep: string | null,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('member_id', '=', memberId);
  if (keep) query = query.where('id', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertAccessToken(db: Db, row: AccessTokenRow): Promise<void> {
  await db.insertInto('access_tokens').values(row).execute();
}

const tokenByHash = prepare((db, a: { hash: string }) =>
  db
    .selectFrom('access_tokens')
    .innerJoin('members', 'members.id', 'access_tokens.member_id')
    .selectAll('access_tokens')
    .select('members.suspended_at')
    .where('access_tokens.token_hash', '=', a.hash),
);

/** With the member's suspension, which every authenticated request must check (R32). */
export function findAccessTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<(AccessTokenRow & { suspended_at: string | null }) | undefined> {
  return tokenByHash.first(db, { hash: tokenHash });
}

/** The same lookup, as a check a request's first statement carries (db/carried-check.ts). */
export function accessTokenCheck(
  db: Db,
  tokenHash: string,
  verify: (row: (AccessTokenRow & { suspended_at: string | null }) | undefined) => void,
): Check {
  return tokenByHash.check(db, { hash: tokenHash }, (rows) => verify(rows[0]));
}

export async function touchAccessToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('access_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** R40: the member's personal access tokens, newest first, a page at a time. */
export async function listAccessTokens(
  db: Db,
  memberId: string,
  page: PageRequest,
): Promise<Page<AccessTokenRow>> {
  const query = db.selectFrom('access_tokens').selectAll().where('member_id', '=', memberId);
  return paginate(
    db,
    query,
    {
      list: 'listAccessTokens',
      columns: ['created_at', 'id'],
      order: 'desc',
      values: (r) => [r.created_at, r.id],
    },
    page,
  );
}

export async function deleteAccessToken(db: Db, memberId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('access_tokens')
    .where('member_id', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
