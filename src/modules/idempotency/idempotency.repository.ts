import type { Selectable } from 'kysely';
import { isUniqueViolation } from '../../db/errors.js';
import type { Db } from '../../db/types.js';
import type { IdempotencyKeyTable } from '../../db/tables/idempotency-key.js';

export type IdempotencyRow = Selectable<IdempotencyKeyTable>;

/**
 * Claims (member, key) for a request about to run: true when this request inserted the row,
 * false when the key was already there. The primary key decides between racing requests, on
 * any number of app processes.
 */
export async function claimKey(
  db: Db,
  row: Pick<IdempotencyRow, 'member_id' | 'key' | 'request_hash' | 'created_at'>,
): Promise<boolean> {
  try {
    await db
      .insertInto('idempotency_keys')
      .values({ ...row, status: null, content_type: null, response_body: null })
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function findKey(
  db: Db,
  memberId: string,
  key: string,
): Promise<IdempotencyRow | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Drops a key made before `before` (true when it did), so the key can be used afresh. */
export async function deleteKeyMadeBefore(
  db: Db,
  memberId: string,
  key: string,
  before: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('member_id', '=', memberId)
    .where('key', '=', key)
    .where('created_at', '<', before)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function storeAnswer(
  db: Db,
  memberId: string,
  key: string,
  answer: { status: number; contentType: string | null; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: answer.status, content_type: answer.contentType, response_body: answer.body })
    .where('member_id', '=', memberId)
    .where('key', '=', key)
    .where('status', 'is', null)
    .execute();
}

/**
 * Lets a key go while it has no answer: when its request ended without one worth repeating (a
 * server error), or, given `claimedBefore`, when it was claimed before then (true when it was).
 */
export async function releaseKey(
  db: Db,
  memberId: string,
  key: string,
  claimedBefore?: string,
): Promise<boolean> {
  let unanswered = db
    .deleteFrom('idempotency_keys')
    .where('member_id', '=', memberId)
    .where('key', '=', key)
    .where('status', 'is', null);
  if (claimedBefore !== undefined) unanswered = unanswered.where('created_at', '<', claimedBefore);
  const result = await unanswered.executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Forgets every key older than the replay window; returns how many. */
export async function deleteKeysMadeBefore(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
