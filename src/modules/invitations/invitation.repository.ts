import { type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { prepare, type PreparedQuery } from '../../db/prepared.js';
import type { Cursor } from '../../db/pagination.js';
import type {
  InvitationKind,
  InvitationStatus,
  InvitationTable,
} from '../../db/tables/invitation.js';
import { SENDER_OPEN_STATUSES, TRANSITION_FROM } from './invitation.js';

export type InvitationRow = Selectable<InvitationTable>;

export interface PairKey {
  senderId: string;
  recipientId: string;
  kind: InvitationKind;
  targetId: string;
}

/**
 * Statuses written into the SQL as literals rather than bound: SQLite uses a partial index only
 * when the query repeats the index's WHERE term, and a bound parameter could be any value.
 */
export function statusIn(statuses: readonly InvitationStatus[]) {
  return sql<SqlBool>`status in (${sql.join(statuses.map((status) => sql.lit(status)))})`;
}

export function statusIs(status: InvitationStatus) {
  return sql<SqlBool>`status = ${sql.lit(status)}`;
}

/** Page and event invitations: the WHERE term of their partial index, which SQLite must see. */
export const TARGETED = sql<SqlBool>`kind <> 'connection'`;

const insertRow = prepare((db, row: InvitationRow) => db.insertInto('invitations').values(row));

/** Writes a whole row: every column is given, so the prepared statement fits every call. */
export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await insertRow.execute(db, row);
}

const byId = prepare((db, a: { id: string }) =>
  db.selectFrom('invitations').selectAll().where('id', '=', a.id),
);

export function findInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  return byId.first(db, { id });
}

/** Reads an invitation and keeps it from changing until the transaction ends (PostgreSQL). */
export async function lockInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', id)
    .forShare()
    .executeTakeFirst();
}

export async function findInvitations(db: Db, ids: string[]): Promise<InvitationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('invitations').selectAll().where('id', 'in', ids).execute();
}

/**
 * R13: marks these invitations `expired` now if they still can expire, as the expiry job would.
 * Returns the ids it changed.
 */
export async function expireInvitations(db: Db, ids: string[], at: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('invitations')
    .set({ status: 'expired', updated_at: at, remind_at: null })
    .where('id', 'in', ids)
    .where(statusIn(TRANSITION_FROM.expire))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** R16: the sender's withdrawals for this pair that start a cooldown (a block's or a suspension's does not). */
export function cooldownWithdrawals(db: Db, key: PairKey) {
  return db
    .selectFrom('invitations')
    .where('sender_id', '=', key.senderId)
    .where('recipient_id', '=', key.recipientId)
    .where('kind', '=', key.kind)
    .where('target_id', '=', key.targetId)
    .where(statusIs('withdrawn'))
    .where('withdraw_cause', 'not in', ['block', 'suspension']);
}

/** R16: when the latest of those withdrawals was. */
export async function latestCooldownWithdrawal(db: Db, key: PairKey): Promise<string | null> {
  const row = await cooldownWithdrawals(db, key)
    .select((eb) => eb.fn.max('withdrawn_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

/** R5: invitations of a kind sent since `since`, whatever became of them. */
export function sentSinceRows(db: Db, senderId: string, kind: InvitationKind, since: string) {
  return db
    .selectFrom('invitations')
    .where('sender_id', '=', senderId)
    .where('kind', '=', kind)
    .where('sent_at', '>', since);
}

/** R5: how many of those there are, and the oldest of them. */
export async function sentSince(
  db: Db,
  senderId: string,
  kind: InvitationKind,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await sentSinceRows(db, senderId, kind, since)
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('sent_at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ?? null };
}

/** R6: invitations the sender still sees as open. */
export function senderOpenRows(db: Db, senderId: string, now: string) {
  return db
    .selectFrom('invitations')
    .where('sender_id', '=', senderId)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', now);
}

export async function countSenderOpen(db: Db, senderId: string, now: string): Promise<number> {
  const row = await senderOpenRows(db, senderId, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type Changes = Updateable<InvitationTable>;

/** One prepared update per transition: its starting statuses and the columns it sets. */
const transitions = new Map<string, PreparedQuery<Changes & { id: string }, unknown>>();

function transitionQuery(from: readonly InvitationStatus[], changes: Changes) {
  const key = `${from.join()}|${Object.keys(changes).join()}`;
  let query = transitions.get(key);
  if (!query) {
    query = prepare((db, { id, ...set }: Changes & { id: string }) =>
      db.updateTable('invitations').set(set).where('id', '=', id).where(statusIn(from)),
    );
    transitions.set(key, query);
  }
  return query;
}

/**
 * One atomic state change: applies only while the invitation is still in one of `from`.
 * Returns whether it applied, so racing requests end in exactly one outcome.
 */
export async function transition(
  db: Db,
  id: string,
  from: readonly InvitationStatus[],
  changes: Changes,
): Promise<boolean> {
  return (await transitionQuery(from, changes).affected(db, { ...changes, id })) === 1;
}

export async function setKept(db: Db, id: string, kept: boolean, at: string): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ kept: kept ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function listReceived(
  db: Db,
  recipientId: string,
  options: { kind?: InvitationKind; now?: string; after: Cursor | null; limit: number },
): Promise<InvitationRow[]> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where(statusIs('pending'))
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.kind) query = query.where('kind', '=', options.kind);
  // R13: past its expiry it has left the list, even before the expiry job has marked it.
  if (options.now) query = query.where('expires_at', '>', options.now);
  const after = options.after;
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('sent_at', 'id'), '<', eb.tuple(after.key, after.id)),
    );
  return query.execute();
}

export async function listSent(
  db: Db,
  senderId: string,
  options: {
    kind?: InvitationKind;
    sentBefore?: string;
    now: string;
    after: Cursor | null;
    limit: number;
  },
): Promise<InvitationRow[]> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', options.now)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.kind) query = query.where('kind', '=', options.kind);
  if (options.sentBefore) query = query.where('sent_at', '<=', options.sentBefore);
  const after = options.after;
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('sent_at', 'id'), '<', eb.tuple(after.key, after.id)),
    );
  return query.execute();
}

export type CountsByKind = Record<InvitationKind, number>;

function byKind(rows: { kind: InvitationKind; n: number }[]): CountsByKind {
  const counts: CountsByKind = { connection: 0, page: 0, event: 0 };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}

export async function countReceived(
  db: Db,
  recipientId: string,
  now?: string,
): Promise<CountsByKind> {
  let query = db
    .selectFrom('invitations')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('recipient_id', '=', recipientId)
    .where(statusIs('pending'))
    .groupBy('kind');
  if (now) query = query.where('expires_at', '>', now);
  const rows = await query.execute();
  return byKind(rows);
}

export async function countSent(
  db: Db,
  senderId: string,
  now: string,
  staleBefore: string,
): Promise<{ byKind: CountsByKind; stale: number }> {
  const rows = await db
    .selectFrom('invitations')
    .select((eb) => [
      'kind',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(eb.case().when('sent_at', '<=', staleBefore).then(1).else(0).end())
        .as('stale'),
    ])
    .where('sender_id', '=', senderId)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', now)
    .groupBy('kind')
    .execute();
  return {
    byKind: byKind(rows),
    stale: rows.reduce((sum, row) => sum + Number(row.stale ?? 0), 0),
  };
}

/** R9: "I don't know this person" answers to the sender's invitations since `since`. */
export async function countDontKnowSince(db: Db, senderId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sender_id', '=', senderId)
    .where('ignore_reason', '=', 'dont_know')
    .where('responded_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Names of the pages and events that invitations point to. */
export async function findTargets(
  db: Db,
  rows: InvitationRow[],
): Promise<Map<string, { id: string; name: string }>> {
  const pageIds = rows.filter((r) => r.kind === 'page').map((r) => r.target_id);
  const eventIds = rows.filter((r) => r.kind === 'event').map((r) => r.target_id);
  const targets = new Map<string, { id: string; name: string }>();
  if (pageIds.length > 0) {
    for (const p of await db
      .selectFrom('pages')
      .select(['id', 'name'])
      .where('id', 'in', pageIds)
      .execute()) {
      targets.set(p.id, p);
    }
  }
  if (eventIds.length > 0) {
    for (const e of await db
      .selectFrom('events')
      .select(['id', 'name'])
      .where('id', 'in', eventIds)
      .execute()) {
      targets.set(e.id, e);
    }
  }
  return targets;
}

/**
 * Invitations between two members in either direction that are open from the sender's side
 * (R1), including ones past their expiry that the expiry job has not marked yet (R13).
 */
export function senderOpenBetween(db: Db, a: string, b: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('sender_id', '=', a), eb('recipient_id', '=', b)]),
        eb.and([eb('sender_id', '=', b), eb('recipient_id', '=', a)]),
      ]),
    )
    .where(statusIn(SENDER_OPEN_STATUSES));
}

export function findSenderOpenBetween(db: Db, a: string, b: string): Promise<InvitationRow[]> {
  return senderOpenBetween(db, a, b).execute();
}

/** R18: the sender's open invitations for a clean-up, oldest first. */
export async function listCleanupCandidates(
  db: Db,
  senderId: string,
  options: { sentBefore?: string; kind?: InvitationKind; ids?: string[]; now: string },
): Promise<InvitationRow[]> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', options.now)
    .orderBy('sent_at')
    .orderBy('id');
  if (options.sentBefore) query = query.where('sent_at', '<=', options.sentBefore);
  if (options.kind) query = query.where('kind', '=', options.kind);
  if (options.ids) query = query.where('id', 'in', options.ids.length > 0 ? options.ids : ['']);
  return query.execute();
}

/** Withdraws many invitations in one statement; returns the ids that were still open. */
export async function withdrawBatch(
  db: Db,
  ids: string[],
  changes: Updateable<InvitationTable>,
  from: readonly InvitationStatus[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('invitations')
    .set(changes)
    .where('id', 'in', ids)
    .where(statusIn(from))
    .where('kept', '=', 0)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
