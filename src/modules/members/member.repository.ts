import {
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  sql,
  type Updateable,
} from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { Db, Operand, Tx } from '../../db/types.js';
import { containsPattern, likePattern } from '../../db/contains.js';
import { type IdList, idList, inIdList } from '../../db/lists.js';
import { RowsById } from '../../lib/rows-by-id.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';
import { prepare } from '../../db/prepared.js';
import type { Step } from '../../db/pipeline.js';
import type { MemberTable } from '../../db/tables/member.js';

export type MemberRow = Selectable<MemberTable>;

export function searchTextOf(
  m: Pick<MemberRow, 'name' | 'handle' | 'headline' | 'company'>,
): string {
  return [m.name, m.handle, m.headline, m.company].join(' ').toLowerCase();
}

export async function insertMember(db: Db, row: Insertable<MemberTable>): Promise<void> {
  await db.insertInto('members').values(row).execute();
}

const byId = prepare((db, a: { id: string }) =>
  db.selectFrom('members').selectAll().where('id', '=', a.id),
);

export function findMemberById(db: Db, id: string): Promise<MemberRow | undefined> {
  return byId.first(db, { id });
}

/**
 * The member with a lower-cased `handle` whom others may reach; a suspended one (R32) or one who
 * left (R29) is as unknown.
 */
function reachableWithHandle(eb: ExpressionBuilder<Schema, 'members'>, handle: string) {
  return eb.and([
    eb('handle', '=', handle),
    eb('suspended_at', 'is', null),
    eb('deleted_at', 'is', null),
  ]);
}

const byHandle = prepare((db, a: { handle: string }) =>
  db
    .selectFrom('members')
    .selectAll()
    .where((eb) => reachableWithHandle(eb, a.handle)),
);

/** The id of the member others may reach by a lower-cased `handle`, as a subquery (NULL if none). */
export function idWithHandle(db: Db, handle: string) {
  return db
    .selectFrom('members')
    .select('id')
    .where((eb) => reachableWithHandle(eb, handle));
}

/** A member's address (stored lower-cased), as a subquery. */
export function emailOf(db: Db, id: string) {
  return db.selectFrom('members').select('email').where('id', '=', id);
}

/** A member others may reach; a suspended one (R32) or one who left (R29) is as unknown. */
export function findMemberByHandle(db: Db, handle: string): Promise<MemberRow | undefined> {
  return byHandle.first(db, { handle: handle.toLowerCase() });
}

/**
 * Any member by a handle who has not left (R29), a suspended one (R32) included, for admins and
 * operators, who must reach them.
 */
export function anyMemberWithHandle(db: Db, handle: string) {
  return db
    .selectFrom('members')
    .selectAll()
    .where('handle', '=', handle.toLowerCase())
    .where('deleted_at', 'is', null);
}

/** A member who has not left (R29): one who has cannot sign in or be mailed. */
export async function findMemberByEmail(db: Db, email: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Taken by anyone, a member who left in the last 30 days too (R29). */
export async function emailExists(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * R29: the handle and email of a member who left more than `days` ago become free: the row that
 * keeps others' records whole takes names no one can sign up with (`~` is never in a handle).
 */
export async function releaseNamesOfLeft(
  db: Db,
  names: { email: string; handle: string | null },
  leftBefore: string,
): Promise<void> {
  await db
    .updateTable('members')
    .set({ handle: sql<string>`'~' || id`, email: sql<string>`'~' || id` })
    .where('deleted_at', '<=', leftBefore)
    .where((eb) =>
      eb.or([
        eb('email', '=', names.email),
        ...(names.handle ? [eb('handle', '=', names.handle)] : []),
      ]),
    )
    .execute();
}

export async function handleExists(db: Db, handle: string): Promise<boolean> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row !== undefined;
}

/** What a list shows of a member (member.presenter.ts), with the member's id. */
const SUMMARY_COLUMNS = [
  'id',
  'handle',
  'name',
  'headline',
  'company',
  'industry',
  'location',
] as const;

export type MemberSummaryRow = Pick<MemberRow, (typeof SUMMARY_COLUMNS)[number]>;

const summariesOf = prepare((db, a: { ids: IdList }) =>
  db
    .selectFrom('members')
    .select(SUMMARY_COLUMNS)
    .where(inIdList(db, 'id', a.ids)),
);

/**
 * The members a list shows, with those columns only: a whole row carries the password hash, the
 * search text and a score of settings besides, and reading 20 whole rows cost a page of received
 * invitations three times what their summaries cost (0.15 against 0.05 ms on SQLite).
 */
export async function findMemberSummaries(
  db: Db,
  ids: string[],
): Promise<RowsById<MemberSummaryRow>> {
  if (ids.length === 0) return new RowsById([], 'member');
  return new RowsById(await summariesOf.all(db, { ids: idList(db, ids) }), 'member');
}

/** The members a change needs whole, in one query. */
export async function findMembersByIds(db: Db, ids: string[]): Promise<RowsById<MemberRow>> {
  if (ids.length === 0) return new RowsById([], 'member');
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new RowsById(rows, 'member');
}

/** Members by id, the ids given as values or as subqueries. */
export function membersWithIds(db: Db, ids: readonly Operand<string>[]) {
  return db.selectFrom('members').selectAll().where('id', 'in', ids);
}

const pairById = prepare((db, a: { first: string; second: string }) =>
  membersWithIds(db, [a.first, a.second]),
);

/** Two members (or one, given twice), by id. */
export async function findMemberPair(
  db: Db,
  [first, second]: [string, string],
): Promise<RowsById<MemberRow>> {
  return new RowsById(await pairById.all(db, { first, second }), 'member');
}

const lockedPair = prepare((db, a: { first: string; second: string }) =>
  membersWithIds(db, [a.first, a.second]).orderBy('id').forUpdate(),
);

/**
 * Locks two members' rows (or one, given twice) until the transaction ends (PostgreSQL), always
 * in id order so that two transactions locking the same pair cannot deadlock. Returns them by id.
 */
export async function lockMembers(tx: Tx, [a, b]: [string, string]): Promise<RowsById<MemberRow>> {
  const [first, second] = a < b ? [a, b] : [b, a];
  return new RowsById(await lockedPair.all(tx, { first, second }), 'member');
}

const lockedByIdOrHandle = prepare((db, a: { id: string; handle: string }) =>
  db
    .selectFrom('members')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', a.id), reachableWithHandle(eb, a.handle)]))
    .orderBy('id')
    .forUpdate(),
);

/**
 * A step that locks a member and the member with `handle` in one statement, in id order as
 * `lockMembers` does. `other` is undefined when no one others may reach has that handle (R32).
 */
export function lockMemberAndHandleStep(
  tx: Tx,
  id: string,
  handle: string,
): Step<{ member: MemberRow; other: MemberRow | undefined }> {
  const lower = handle.toLowerCase();
  return lockedByIdOrHandle.step(tx, { id, handle: lower }, (rows) => ({
    member: new RowsById(rows, 'member').get(id),
    other: rows.find((r) => r.handle === lower),
  }));
}

export async function updateMember(
  db: Db,
  id: string,
  changes: Updateable<MemberTable>,
): Promise<void> {
  await db.updateTable('members').set(changes).where('id', '=', id).execute();
}

const connectionCountChange = prepare(
  (db, a: { first: string; second: string; delta: number }) =>
    db
      .updateTable('members')
      .set((eb) => ({ connection_count: eb('connection_count', '+', a.delta) }))
      .where('id', 'in', [a.first, a.second]),
  { deferrable: true },
);

export async function changeConnectionCount(
  db: Db,
  [first, second]: [string, string],
  delta: number,
): Promise<void> {
  await connectionCountChange.execute(db, { first, second, delta });
}

export async function searchMembers(
  db: Db,
  options: { q: string; viewerId: string },
  page: PageRequest,
): Promise<Page<MemberRow>> {
  const { viewerId } = options;
  let query = db
    .selectFrom('members')
    .selectAll()
    .where('id', '!=', viewerId)
    .where('suspended_at', 'is', null)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks')
            .select('blocker_id')
            .where((b) =>
              b.or([
                b.and([b('blocker_id', '=', viewerId), b('blocked_id', '=', b.ref('members.id'))]),
                b.and([b('blocked_id', '=', viewerId), b('blocker_id', '=', b.ref('members.id'))]),
              ]),
            ),
        ),
      ),
    );
  const pattern = containsPattern(options.q);
  if (pattern) query = query.where((eb) => likePattern(eb.ref('search_text'), pattern));
  return paginate(
    db,
    query,
    { list: 'searchMembers', columns: ['handle'], order: 'asc', values: (r) => [r.handle] },
    page,
  );
}

export async function countMembers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
