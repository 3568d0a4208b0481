import type { Selectable } from 'kysely';
import type { Db } from '../../db/types.js';
import { prepare } from '../../db/prepared.js';
import type { AccessTokenTable } from '../../db/tables/access-token.js';
import type { SessionTable } from '../../db/tables/session.js';

export type SessionRow = Selectable<SessionTable>;
export type AccessTokenRow = Selectable<AccessTokenTable>;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function insertAccessToken(db: Db, row: AccessTokenRow): Promise<void> {
  await db.insertInto('access_tokens').values(row).execute();
}

const tokenByHash = prepare((db, a: { hash: string }) =>
  db.selectFrom('access_tokens').selectAll().where('token_hash', '=', a.hash),
);

export function findAccessTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<AccessTokenRow | undefined> {
  return tokenByHash.first(db, { hash: tokenHash });
}

export async function touchAccessToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('access_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function listAccessTokens(db: Db, memberId: string): Promise<AccessTokenRow[]> {
  return db
    .selectFrom('access_tokens')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function deleteAccessToken(db: Db, memberId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('access_tokens')
    .where('member_id', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
