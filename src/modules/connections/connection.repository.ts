import {
  type Expression,
  expressionBuilder,
  type SelectQueryBuilder,
  sql,
  type SqlBool,
} from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { Db, Operand, Tx } from '../../db/types.js';
import { membersAmong } from '../../db/members-among.js';
import { containsPattern, likePattern } from '../../db/contains.js';
import { prepare } from '../../db/prepared.js';
import { type IdList, idList, inIdList } from '../../db/lists.js';
import {
  type Keyset,
  type Page,
  type PageRequest,
  paginate,
  presentPage,
} from '../../db/pagination.js';

/** One of the two rows a connection keeps, one per direction. */
export function connectionRow(db: Db, a: Operand<string>, b: Operand<string>) {
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
 * Ends every connection of the member, on both sides; each peer's count, which guards R7, drops
 * with it, and the member's own count is then 0.
 */
export async function endEveryConnection(tx: Tx, memberId: string): Promise<void> {
  const peers = tx.selectFrom('connections').select('peer_id').where('member_id', '=', memberId);
  await tx
    .updateTable('members')
    .set((eb) => ({ connection_count: eb('connection_count', '-', 1) }))
    .where('id', 'in', peers)
    .execute();
  // The peers' rows by their key, while the member's own still name them: no index of
  // connections starts with peer_id.
  await tx
    .deleteFrom('connections')
    .where('member_id', 'in', peers)
    .where('peer_id', '=', memberId)
    .execute();
  await tx.deleteFrom('connections').where('member_id', '=', memberId).execute();
  await tx.updateTable('members').set({ connection_count: 0 }).where('id', '=', memberId).execute();
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
  const pattern = containsPattern(options.q);
  if (pattern) {
    query = query
      .innerJoin('members', 'members.id', 'connections.peer_id')
      .where((eb) => likePattern(eb.ref('members.search_text'), pattern));
  }
  return paginate(
    db,
    query,
    {
      list: 'listConnections',
      columns: ['connections.created_at', 'connections.peer_id'],
      order: 'desc',
      values: (r) => [r.created_at, r.peer_id],
    },
    page,
  );
}

/**
 * R30, R32: a suspended member's connections as their export gives them, those their suspension
 * holds in waiting among them, newest first.
 */
export async function listConnectionsWithWaiting(
  db: Db,
  memberId: string,
  page: PageRequest,
): Promise<Page<{ peer_id: string; created_at: string }>> {
  const every = db
    .selectFrom('connections')
    .select(['peer_id', 'created_at'])
    .where('member_id', '=', memberId)
    .unionAll(
      db
        .selectFrom('suspended_connections')
        .select(['peer_id', 'created_at'])
        .where('suspended_id', '=', memberId),
    );
  return paginate(
    db,
    db.selectFrom(every.as('every')).selectAll(),
    {
      list: 'listConnectionsWithWaiting',
      columns: ['created_at', 'peer_id'],
      order: 'desc',
      values: (r) => [r.created_at, r.peer_id],
    },
    page,
  );
}

/**
 * `walked`'s connections that are also `probed`'s: walks one list and looks each peer up in the
 * other by its primary key, so the cost is the length of the walked list alone. The `offset`
 * (which SQLite takes only after a `limit`) keeps PostgreSQL from turning the EXISTS into a join
 * whose order it would pick from average list lengths, which power-law lists are not.
 */
function sharedWalking(db: Db, walked: Expression<string>, probed: Expression<string>) {
  return db
    .selectFrom('connections as walked')
    .where('walked.member_id', '=', walked)
    .where((w) =>
      w.exists(
        w
          .selectFrom('connections as probed')
          .select('probed.peer_id')
          .where('probed.member_id', '=', probed)
          .whereRef('probed.peer_id', '=', 'walked.peer_id')
          .limit(1)
          .offset(0),
      ),
    );
}

function connectionCountOf(db: Db, member: Expression<string>) {
  return db.selectFrom('members').select('connection_count').where('id', '=', member);
}

/**
 * Whether `a` and `b` share at least `n` connections: walks the shorter of their two lists (by
 * the maintained `connection_count`) and stops at the `n`-th shared peer, so a filter over many
 * senders costs at most the shorter list, and often `n` lookups, per sender.
 */
export function sharesAtLeast(
  db: Db,
  a: Expression<string>,
  b: Expression<string>,
  n: number,
): Expression<SqlBool> {
  const upTo = (walked: Expression<string>, probed: Expression<string>) =>
    db
      .selectFrom(sharedWalking(db, walked, probed).select('walked.peer_id').limit(n).as('shared'))
      .select((s) => s.fn.countAll<number>().as('n'));
  const eb = expressionBuilder<Schema, never>();
  const shorterFirst = eb
    .case()
    .when(eb(connectionCountOf(db, a), '<', connectionCountOf(db, b)))
    .then(upTo(a, b))
    .else(upTo(b, a))
    .end();
  return eb(shorterFirst, '>=', n);
}

const mutualCountsQuery = prepare((db, a: { viewer: string; others: IdList }) => {
  const viewer = sql.val(a.viewer);
  const count = (walked: Expression<string>, probed: Expression<string>) =>
    sharedWalking(db, walked, probed).select((s) => s.fn.countAll<number>().as('n'));
  return db
    .selectFrom('members')
    .innerJoin('members as viewer', (join) => join.on('viewer.id', '=', a.viewer))
    .select((eb) => [
      'members.id as other',
      eb
        .case()
        .when('members.connection_count', '<', eb.ref('viewer.connection_count'))
        .then(count(eb.ref('members.id'), viewer))
        .else(count(viewer, eb.ref('members.id')))
        .end()
        .as('n'),
    ])
    .where(inIdList(db, 'members.id', a.others));
});

/**
 * How many connections `viewerId` shares with each of `others`. Each count walks the shorter of
 * the two lists (by the maintained `connection_count`): a well-connected sender on a page of
 * received invitations costs no more than the viewer's own list, and the counts stay exact.
 */
export async function mutualCounts(
  db: Db,
  viewerId: string,
  others: string[],
): Promise<Map<string, number>> {
  if (others.length === 0) return new Map();
  const rows = await mutualCountsQuery.all(db, { viewer: viewerId, others: idList(db, others) });
  return new Map(rows.map((r) => [r.other, Number(r.n)]));
}

/** R40: second-degree members by mutual connections, most first, then by id. */
const SECOND_DEGREE_ORDER: Keyset<{ id: string; mutual: number }> = {
  list: 'suggestions',
  columns: ['mutual', 'id'],
  numeric: ['mutual'],
  order: 'desc',
  values: (r) => [Number(r.mutual), r.id],
};

/**
 * A page of second-degree members ranked by mutual connections (people you may know), leaving
 * out suspended members (R32) and the ids `refused` selects.
 */
export async function secondDegree<TB extends keyof Schema>(
  db: Db,
  memberId: string,
  page: PageRequest,
  refused: SelectQueryBuilder<Schema, TB, { id: string }>,
): Promise<Page<{ id: string; mutual: number }>> {
  const counted = db
    .selectFrom('connections as mine')
    .innerJoin('connections as theirs', 'theirs.member_id', 'mine.peer_id')
    .innerJoin('members', 'members.id', 'theirs.peer_id')
    .select(['theirs.peer_id as id', (eb) => eb.fn.countAll<number>().as('mutual')])
    .where('mine.member_id', '=', memberId)
    .where('theirs.peer_id', '!=', memberId)
    .where('members.suspended_at', 'is', null)
    .where('members.deleted_at', 'is', null)
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
    .groupBy('theirs.peer_id');
  // The count is a column of its own so that the page's keyset can compare it.
  const query = db
    .selectFrom(counted.as('c'))
    .select(['c.id', 'c.mutual'])
    .where('c.id', 'not in', refused);
  const found = await paginate(db, query, SECOND_DEGREE_ORDER, page);
  // PostgreSQL counts in bigint, which arrives as text.
  return presentPage(found, (r) => ({ id: r.id, mutual: Number(r.mutual) }));
}

/** Which of `others` are connected with `memberId`. */
export function connectedAmong(db: Db, memberId: string, others: string[]): Promise<Set<string>> {
  return membersAmong(db, 'connections', memberId, others);
}
