import type { Db } from '../../db/types.js';
import { prepare } from '../../db/prepared.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';

/** One of the two rows a connection keeps, one per direction. */
export function connectionRow(db: Db, a: string, b: string) {
  return db
    .selectFrom('connections')
    .select('peer_id')
    .where('member_id', '=', a)
    .where('peer_id', '=', b);
}

export async function areConnected(db: Db, a: string, b: string): Promise<boolean> {
  return (await connectionRow(db, a, b).executeTakeFirst()) !== undefined;
}

const bothRows = prepare(
  (db, r: { a: string; b: string; at: string }) =>
    db.insertInto('connections').values([
      { member_id: r.a, peer_id: r.b, created_at: r.at },
      { member_id: r.b, peer_id: r.a, created_at: r.at },
    ]),
  { deferrable: true },
);

export async function insertConnection(db: Db, a: string, b: string, at: string): Promise<void> {
  await bothRows.execute(db, { a, b, at });
}

/** Removes both rows; returns whether they were connected. */
export async function deleteConnection(db: Db, a: string, b: string): Promise<boolean> {
  const result = await db
    .deleteFrom('connections')
    .where((eb) =>
      eb.or([
        eb.and([eb('member_id', '=', a), eb('peer_id', '=', b)]),
        eb.and([eb('member_id', '=', b), eb('peer_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Newest first. A non-empty `q` keeps the peers whose search text (name, handle, headline,
 * company) contains it.
 */
export async function listConnections(
  db: Db,
  memberId: string,
  options: { q: string },
  page: PageRequest,
): Promise<Page<{ peer_id: string; created_at: string }>> {
  let query = db
    .selectFrom('connections')
    .select(['connections.peer_id', 'connections.created_at'])
    .where('connections.member_id', '=', memberId);
  const q = options.q
    .trim()
    .toLowerCase()
    .replace(/[%_\\]/g, '');
  if (q) {
    query = query
      .innerJoin('members', 'members.id', 'connections.peer_id')
      .where('members.search_text', 'like', `%${q}%`);
  }
  return paginate(
    query,
    {
      columns: ['connections.created_at', 'connections.peer_id'],
      order: 'desc',
      values: (r) => [r.created_at, r.peer_id],
    },
    page,
  );
}

/** How many connections `viewerId` shares with each of `others`. */
export async function mutualCounts(
  db: Db,
  viewerId: string,
  others: string[],
): Promise<Map<string, number>> {
  if (others.length === 0) return new Map();
  const rows = await db
    .selectFrom('connections as mine')
    .innerJoin('connections as theirs', 'theirs.peer_id', 'mine.peer_id')
    .select(['theirs.member_id as other', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mine.member_id', '=', viewerId)
    .where('theirs.member_id', 'in', [...new Set(others)])
    .groupBy('theirs.member_id')
    .execute();
  return new Map(rows.map((r) => [r.other, Number(r.n)]));
}

/**
 * Second-degree members ranked by mutual connections (people you may know), leaving out
 * suspended members (R32); the caller filters the rest.
 */
export async function secondDegree(
  db: Db,
  memberId: string,
  limit: number,
): Promise<{ id: string; mutual: number }[]> {
  const rows = await db
    .selectFrom('connections as mine')
    .innerJoin('connections as theirs', 'theirs.member_id', 'mine.peer_id')
    .innerJoin('members', 'members.id', 'theirs.peer_id')
    .select(['theirs.peer_id as id', (eb) => eb.fn.countAll<number>().as('mutual')])
    .where('mine.member_id', '=', memberId)
    .where('theirs.peer_id', '!=', memberId)
    .where('members.suspended_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('connections as direct')
            .select('direct.peer_id')
            .where('direct.member_id', '=', memberId)
            .whereRef('direct.peer_id', '=', 'theirs.peer_id'),
        ),
      ),
    )
    .groupBy('theirs.peer_id')
    .orderBy('mutual', 'desc')
    .orderBy('theirs.peer_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, mutual: Number(r.mutual) }));
}

/** Which of `others` are connected with `memberId`. */
export async function connectedAmong(
  db: Db,
  memberId: string,
  others: string[],
): Promise<Set<string>> {
  if (others.length === 0) return new Set();
  const rows = await db
    .selectFrom('connections')
    .select('peer_id')
    .where('member_id', '=', memberId)
    .where('peer_id', 'in', others)
    .execute();
  return new Set(rows.map((r) => r.peer_id));
}
