import type { Selectable } from 'kysely';
import type { Db, Operand } from '../../db/types.js';
import { prepare } from '../../db/prepared.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';
import type { BlockTable } from '../../db/tables/block.js';

export type BlockRow = Selectable<BlockTable>;

/** Whether either member has blocked the other: then they are invisible to each other (R2, R20). */
/** A block between two members, whichever of them blocked the other. */
export function blocksBetween(db: Db, a: Operand<string>, b: Operand<string>) {
  return db
    .selectFrom('blocks')
    .select('blocker_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
        eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
      ]),
    );
}

/** The members `memberId` has blocked or is blocked by (R20). */
export function blockedEitherWayOf(db: Db, memberId: string) {
  return db
    .selectFrom('blocks')
    .select('blocked_id as id')
    .where('blocker_id', '=', memberId)
    .unionAll(
      db.selectFrom('blocks').select('blocker_id as id').where('blocked_id', '=', memberId),
    );
}

const blockBetween = prepare((db, pair: { a: string; b: string }) =>
  blocksBetween(db, pair.a, pair.b),
);

export async function isBlockedEitherWay(db: Db, a: string, b: string): Promise<boolean> {
  return (await blockBetween.first(db, { a, b })) !== undefined;
}

export async function findBlock(
  db: Db,
  blockerId: string,
  blockedId: string,
): Promise<BlockRow | undefined> {
  return db
    .selectFrom('blocks')
    .selectAll()
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
}

export async function insertBlock(db: Db, row: BlockRow): Promise<void> {
  await db.insertInto('blocks').values(row).execute();
}

export async function deleteBlock(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The members `blockerId` has blocked, newest first. */
export async function listBlocks(
  db: Db,
  blockerId: string,
  page: PageRequest,
): Promise<Page<BlockRow>> {
  const query = db.selectFrom('blocks').selectAll().where('blocker_id', '=', blockerId);
  return paginate(
    db,
    query,
    {
      list: 'listBlocks',
      columns: ['created_at', 'blocked_id'],
      order: 'desc',
      values: (r) => [r.created_at, r.blocked_id],
    },
    page,
  );
}

export async function findBlockLift(
  db: Db,
  blockerId: string,
  blockedId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('block_lifts')
    .select('lifted_at')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
  return row?.lifted_at ?? null;
}

export async function recordBlockLift(
  db: Db,
  blockerId: string,
  blockedId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('block_lifts')
    .values({ blocker_id: blockerId, blocked_id: blockedId, lifted_at: at })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doUpdateSet({ lifted_at: at }))
    .execute();
}

/** R20: neither member keeps an in-app notification naming the other. */
export async function deleteNotificationsBetween(db: Db, a: string, b: string): Promise<void> {
  await db
    .deleteFrom('notifications')
    .where((eb) =>
      eb.or([
        eb.and([eb('member_id', '=', a), eb('actor_id', '=', b)]),
        eb.and([eb('member_id', '=', b), eb('actor_id', '=', a)]),
      ]),
    )
    .execute();
}
