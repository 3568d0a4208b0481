import type { Insertable, Selectable } from 'kysely';
import type { Db, Tx } from '../../db/types.js';
import { membersAmong } from '../../db/members-among.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';
import { prepare } from '../../db/prepared.js';
import type { PageTable } from '../../db/tables/page.js';
import { shownTo } from '../members/member.filter.js';
import type { MemberRow } from '../members/member.repository.js';

export type PageRow = Selectable<PageTable>;

export async function insertPage(db: Db, row: Insertable<PageTable>): Promise<void> {
  await db.insertInto('pages').values(row).execute();
}

export async function findPage(db: Db, id: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPageAdmin(db: Db, pageId: string, memberId: string): Promise<void> {
  await db
    .insertInto('page_admins')
    .values({ page_id: pageId, member_id: memberId })
    .onConflict((oc) => oc.columns(['page_id', 'member_id']).doNothing())
    .execute();
}

export async function isPageAdmin(db: Db, pageId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('page_admins')
    .select('member_id')
    .where('page_id', '=', pageId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A page's admins `viewerId` may see: a block either way (R20) or a suspension (R32) hides one. */
export async function listPageAdmins(
  db: Db,
  pageId: string,
  viewerId: string,
): Promise<MemberRow[]> {
  return db
    .selectFrom('page_admins')
    .innerJoin('members', 'members.id', 'page_admins.member_id')
    .selectAll('members')
    .where('page_admins.page_id', '=', pageId)
    .where(shownTo(viewerId, 'members.id'))
    .orderBy('members.name')
    .execute();
}

export async function followPage(
  db: Db,
  pageId: string,
  memberId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('page_followers')
    .values({ page_id: pageId, member_id: memberId, created_at: at })
    .onConflict((oc) => oc.columns(['page_id', 'member_id']).doNothing())
    .execute();
}

export async function unfollowPage(db: Db, pageId: string, memberId: string): Promise<void> {
  await db
    .deleteFrom('page_followers')
    .where('page_id', '=', pageId)
    .where('member_id', '=', memberId)
    .execute();
}

/** Which of `memberIds` follow the page. */
export function pageFollowersAmong(
  db: Db,
  pageId: string,
  memberIds: string[],
): Promise<Set<string>> {
  return membersAmong(db, 'page_followers', pageId, memberIds);
}

/** R20, R32: followers hidden from `viewerId` are not counted for them either. */
export async function countPageFollowers(
  db: Db,
  pageIds: string[],
  viewerId: string,
): Promise<Map<string, number>> {
  if (pageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('page_followers')
    .select(['page_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('page_id', 'in', pageIds)
    .where(shownTo(viewerId, 'page_followers.member_id'))
    .groupBy('page_id')
    .execute();
  return new Map(rows.map((r) => [r.page_id, Number(r.n)]));
}

/** Of `pageIds`, those `memberId` admins and those they follow. */
export async function memberRoles(
  db: Db,
  memberId: string,
  pageIds: string[],
): Promise<{ admin: Set<string>; following: Set<string> }> {
  if (pageIds.length === 0) return { admin: new Set(), following: new Set() };
  const [admin, following] = await Promise.all([
    db
      .selectFrom('page_admins')
      .select('page_id')
      .where('member_id', '=', memberId)
      .where('page_id', 'in', pageIds)
      .execute(),
    db
      .selectFrom('page_followers')
      .select('page_id')
      .where('member_id', '=', memberId)
      .where('page_id', 'in', pageIds)
      .execute(),
  ]);
  return {
    admin: new Set(admin.map((r) => r.page_id)),
    following: new Set(following.map((r) => r.page_id)),
  };
}

/**
 * The ids of the pages the member admins or follows, as one set, so that each database reads the
 * member's rows by index and then the pages by key, instead of testing every page against two lists.
 */
function memberPageIds(db: Db, memberId: string) {
  return db
    .selectFrom('page_admins')
    .select('page_id')
    .where('member_id', '=', memberId)
    .union(db.selectFrom('page_followers').select('page_id').where('member_id', '=', memberId));
}

/** Pages the member admins or follows, newest first. */
export async function listMemberPages(
  db: Db,
  memberId: string,
  page: PageRequest,
): Promise<Page<PageRow>> {
  const query = db.selectFrom('pages').selectAll().where('id', 'in', memberPageIds(db, memberId));
  return paginate(
    db,
    query,
    {
      list: 'listMemberPages',
      columns: ['created_at', 'id'],
      order: 'desc',
      values: (r) => [r.created_at, r.id],
    },
    page,
  );
}

/** Prepared: every `GET /me` counts them. */
const memberPagesCount = prepare((db, a: { member: string }) =>
  db
    .selectFrom(memberPageIds(db, a.member).as('mine'))
    .select((eb) => eb.fn.countAll<number>().as('n')),
);

/** How many pages the member admins or follows: the length of their list of pages. */
export async function countMemberPages(db: Db, memberId: string): Promise<number> {
  const row = await memberPagesCount.first(db, { member: memberId });
  return Number(row?.n ?? 0);
}

export async function creditsUsed(db: Db, pageId: string, month: string): Promise<number> {
  const row = await db
    .selectFrom('page_credits')
    .select('used')
    .where('page_id', '=', pageId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row?.used ?? 0;
}

/**
 * R21: spends one credit of `month` if fewer than `limit` are used. A conditional update, so
 * admins sending at the same moment can never spend more than the limit between them.
 */
export async function spendCredit(
  tx: Tx,
  pageId: string,
  month: string,
  limit: number,
): Promise<boolean> {
  await tx
    .insertInto('page_credits')
    .values({ page_id: pageId, month, used: 0 })
    .onConflict((oc) => oc.columns(['page_id', 'month']).doNothing())
    .execute();
  const result = await tx
    .updateTable('page_credits')
    .set((eb) => ({ used: eb('used', '+', 1) }))
    .where('page_id', '=', pageId)
    .where('month', '=', month)
    .where('used', '<', limit)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** R21: gives one credit of `month` back, never below zero. */
export async function returnCredit(tx: Tx, pageId: string, month: string): Promise<void> {
  await tx
    .updateTable('page_credits')
    .set((eb) => ({ used: eb('used', '-', 1) }))
    .where('page_id', '=', pageId)
    .where('month', '=', month)
    .where('used', '>', 0)
    .execute();
}
