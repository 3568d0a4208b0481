import type { Selectable } from 'kysely';
import type { Db } from '../../db/types.js';
import type { AccountTokenPurpose, AccountTokenTable } from '../../db/tables/account-token.js';

export type AccountTokenRow = Selectable<AccountTokenTable>;

export async function insertAccountToken(db: Db, row: AccountTokenRow): Promise<void> {
  await db.insertInto('account_tokens').values(row).execute();
}

export async function findAccountToken(
  db: Db,
  id: string,
  purpose: AccountTokenPurpose,
): Promise<AccountTokenRow | undefined> {
  return db
    .selectFrom('account_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/**
 * Uses a token up: deletes it and returns it, so of two racing uses only one gets the row
 * (R25, R26: single use). An expired token is deleted too; the caller refuses it.
 */
export async function takeAccountToken(
  db: Db,
  id: string,
  purpose: AccountTokenPurpose,
): Promise<AccountTokenRow | undefined> {
  return db
    .deleteFrom('account_tokens')
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAccountTokens(
  db: Db,
  memberId: string,
  purpose: AccountTokenPurpose,
): Promise<void> {
  await db
    .deleteFrom('account_tokens')
    .where('member_id', '=', memberId)
    .where('purpose', '=', purpose)
    .execute();
}

/** Ends the member's sessions, all of them or all but `keep`. Personal access tokens stay. */
export async function deleteSessionsOf(
  db: Db,
  memberId: string,
  keep: string | null,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('member_id', '=', memberId);
  if (keep !== null) query = query.where('id', '!=', keep);
  await query.execute();
}
