import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
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

export async function findMemberById(db: Db, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMemberByHandle(db: Db, handle: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('handle', '=', handle.toLowerCase())
    .executeTakeFirst();
}

export async function findMemberByEmail(db: Db, email: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function handleExists(db: Db, handle: string): Promise<boolean> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findMembersByIds(db: Db, ids: string[]): Promise<Map<string, MemberRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Locks the members' rows until the transaction ends (PostgreSQL), always in id order so that
 * two transactions locking the same pair cannot deadlock. Returns them by id.
 */
export async function lockMembers(db: Db, ids: string[]): Promise<Map<string, MemberRow>> {
  const sorted = [...new Set(ids)].sort();
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('id', 'in', sorted)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function updateMember(
  db: Db,
  id: string,
  changes: Updateable<MemberTable>,
): Promise<void> {
  await db.updateTable('members').set(changes).where('id', '=', id).execute();
}

export async function changeConnectionCount(db: Db, ids: string[], delta: number): Promise<void> {
  await db
    .updateTable('members')
    .set((eb) => ({ connection_count: eb('connection_count', '+', delta) }))
    .where('id', 'in', ids)
    .execute();
}

export async function searchMembers(
  db: Db,
  options: { q: string; viewerId: string; after: string | null; limit: number },
): Promise<MemberRow[]> {
  const { viewerId } = options;
  let query = db
    .selectFrom('members')
    .selectAll()
    .where('id', '!=', viewerId)
    .where(({ not, exists, selectFrom, or, and }) =>
      not(
        exists(
          selectFrom('blocks')
            .select('blocker_id')
            .where((b) =>
              or([
                and([b('blocker_id', '=', viewerId), b('blocked_id', '=', b.ref('members.id'))]),
                and([b('blocked_id', '=', viewerId), b('blocker_id', '=', b.ref('members.id'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('handle')
    .limit(options.limit + 1);
  // Wildcards are dropped rather than escaped: LIKE escapes differ between the two databases.
  const q = options.q
    .trim()
    .toLowerCase()
    .replace(/[%_\\]/g, '');
  if (q) query = query.where('search_text', 'like', `%${q}%`);
  if (options.after) query = query.where('handle', '>', options.after);
  return query.execute();
}

export async function countMembers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
