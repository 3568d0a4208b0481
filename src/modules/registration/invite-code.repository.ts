import type { Selectable } from 'kysely';
import type { Db } from '../../db/types.js';
import type { InviteCodeTable } from '../../db/tables/operations.js';

export type InviteCodeRow = Selectable<InviteCodeTable>;

export async function insertInviteCode(db: Db, row: InviteCodeRow): Promise<void> {
  await db.insertInto('invite_codes').values(row).execute();
}

/**
 * Takes one use of a code that has uses left and has not expired, in one statement so that two
 * sign-ups racing for its last use cannot both have it. Returns whether a use was taken.
 */
export async function takeInviteCodeUse(db: Db, code: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('invite_codes')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('code', '=', code)
    .where('expires_at', '>', at)
    .whereRef('uses', '<', 'max_uses')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
