import type { Db } from '../../db/types.js';
import { prepare } from '../../db/prepared.js';
import { type Keyset, type Page, type PageRequest, paginate } from '../../db/pagination.js';

const followRow = prepare((db, a: { follower: string; followee: string }) =>
  db
    .selectFrom('follows')
    .select('follower_id')
    .where('follower_id', '=', a.follower)
    .where('followee_id', '=', a.followee),
);

export async function isFollowing(
  db: Db,
  followerId: string,
  followeeId: string,
): Promise<boolean> {
  return (await followRow.first(db, { follower: followerId, followee: followeeId })) !== undefined;
}

export async function insertFollow(
  db: Db,
  followerId: string,
  followeeId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('follows')
    .values({ follower_id: followerId, followee_id: followeeId, created_at: at })
    .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
    .execute();
}

const mutualFollows = prepare(
  (db, r: { a: string; b: string; at: string }) =>
    db
      .insertInto('follows')
      .values([
        { follower_id: r.a, followee_id: r.b, created_at: r.at },
        { follower_id: r.b, followee_id: r.a, created_at: r.at },
      ])
      .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing()),
  { deferrable: true },
);

/** Each follows the other; a follow already there stays as it was. */
export async function insertMutualFollows(db: Db, a: string, b: string, at: string): Promise<void> {
  await mutualFollows.execute(db, { a, b, at });
}

export async function deleteFollow(db: Db, followerId: string, followeeId: string): Promise<void> {
  await db
    .deleteFrom('follows')
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .execute();
}

/** Ends the follows in both directions between two members (R19, R20). */
export async function deleteFollowsBetween(db: Db, a: string, b: string): Promise<void> {
  await db
    .deleteFrom('follows')
    .where((eb) =>
      eb.or([
        eb.and([eb('follower_id', '=', a), eb('followee_id', '=', b)]),
        eb.and([eb('follower_id', '=', b), eb('followee_id', '=', a)]),
      ]),
    )
    .execute();
}

/** Newest first; `other_id` is the member followed, or the follower. */
export async function listFollows(
  db: Db,
  memberId: string,
  direction: 'following' | 'followers',
  page: PageRequest,
): Promise<Page<FollowListRow>> {
  return paginate(db, followsOf(db, memberId, direction), newestFirst(sides(direction)[1]), page);
}

/**
 * R30, R32: a suspended member's follows as their export gives them, those their suspension holds
 * in waiting among them, newest first.
 */
export async function listFollowsWithWaiting(
  db: Db,
  memberId: string,
  direction: 'following' | 'followers',
  page: PageRequest,
): Promise<Page<FollowListRow>> {
  const [self, other] = sides(direction);
  const every = followsOf(db, memberId, direction).unionAll(
    db
      .selectFrom('suspended_follows')
      .select([`${other} as other_id`, 'created_at'])
      .where(self, '=', memberId)
      .where('suspended_id', '=', memberId),
  );
  return paginate(db, db.selectFrom(every.as('every')).selectAll(), newestFirst('other_id'), page);
}

/** The member's follows one way, each with the other member's id. */
function followsOf(db: Db, memberId: string, direction: 'following' | 'followers') {
  const [self, other] = sides(direction);
  return db
    .selectFrom('follows')
    .select([`${other} as other_id`, 'created_at'])
    .where(self, '=', memberId);
}

interface FollowListRow {
  other_id: string;
  created_at: string;
}

/** The member's own column of a follow, and the other's, for one direction. */
function sides(direction: 'following' | 'followers') {
  return direction === 'following'
    ? (['follower_id', 'followee_id'] as const)
    : (['followee_id', 'follower_id'] as const);
}

function newestFirst(other: string): Keyset<FollowListRow> {
  return {
    list: 'follows',
    columns: ['created_at', other],
    order: 'desc',
    values: (r) => [r.created_at, r.other_id],
  };
}

const followCounts = {
  following: prepare((db, a: { member: string }) =>
    db
      .selectFrom('follows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('follower_id', '=', a.member),
  ),
  followers: prepare((db, a: { member: string }) =>
    db
      .selectFrom('follows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('followee_id', '=', a.member),
  ),
};

export async function countFollows(
  db: Db,
  memberId: string,
  direction: 'following' | 'followers',
): Promise<number> {
  const row = await followCounts[direction].first(db, { member: memberId });
  return Number(row?.n ?? 0);
}
