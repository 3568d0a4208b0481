import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { containsPattern, likePattern } from '../../db/contains.js';
import { type IdList, idList, inIdList, inList } from '../../db/lists.js';
import { paginate, type Page, type PageRequest } from '../../db/pagination.js';
import { prepare, prepareEach } from '../../db/prepared.js';
import type { InvitationKind } from '../../db/tables/invitation.js';
import { sharesAtLeast } from '../connections/connection.service.js';
import { KINDS, RECIPIENT_VISIBLE_STATUSES, SENDER_OPEN_STATUSES } from './invitation.js';
import {
  type InvitationFilter,
  type InvitationRow,
  LISTED_COLUMNS,
  type ListedInvitation,
  statusIn,
  statusIs,
} from './invitation.repository.js';

export type ListOrder = 'newest' | 'oldest';

/**
 * Sent time either way; the id breaks ties between invitations sent in the same millisecond.
 * The list indexes end in (sent_at, id), so either order reads one of them forwards or backwards.
 */
function bySentAt(list: string, order: ListOrder) {
  return {
    list,
    columns: ['sent_at', 'id'],
    order: order === 'oldest' ? 'asc' : 'desc',
    values: (r: ListedInvitation) => [r.sent_at, r.id] as const,
  } as const;
}

export interface ReceivedFilter {
  kind?: InvitationKind;
  /** R38: ignored invitations stay open, and only their recipient ever lists them as such. */
  status: 'pending' | 'ignored';
  withNote?: boolean;
  minMutual?: number;
  order: ListOrder;
  now: string;
}

/**
 * One side's invitations in `status`, of one kind if asked, not yet past their expiry (R13):
 * they leave every list then, even before the expiry job has marked them.
 */
function listable(
  db: Db,
  side: 'sender_id' | 'recipient_id',
  memberId: string,
  status: Expression<SqlBool>,
  options: { kind?: InvitationKind; now: string },
) {
  const query = db
    .selectFrom('invitations')
    .select(LISTED_COLUMNS)
    .where(side, '=', memberId)
    .where(status)
    .where('expires_at', '>', options.now);
  return options.kind ? query.where('kind', '=', options.kind) : query;
}

/** R23, R38, R40: the invitations a recipient may still answer, pending or ignored. */
export async function listReceived(
  db: Db,
  recipientId: string,
  options: ReceivedFilter,
  page: PageRequest,
): Promise<Page<ListedInvitation>> {
  let query = listable(db, 'recipient_id', recipientId, statusIs(options.status), options);
  if (options.withNote) query = query.where('note', 'is not', null);
  const minMutual = options.minMutual ?? 0;
  if (minMutual > 0)
    query = query.where((eb) =>
      sharesAtLeast(db, eb.ref('invitations.sender_id'), eb.val(recipientId), minMutual),
    );
  return paginate(db, query, bySentAt('received', options.order), page);
}

export interface SentFilter {
  kind?: InvitationKind;
  sentBefore?: string;
  /** The recipient's name or handle, or the page's or event's name. */
  q?: string;
  order: ListOrder;
  now: string;
}

/** The tables that page and event invitations point into, whose names `q` also matches. */
const TARGET_TABLES = [
  ['page', 'pages'],
  ['event', 'events'],
] as const;

/**
 * A sender's invitations whose recipient's name or handle, or whose page's or event's name,
 * matches `pattern` (db/contains.ts). R6 bounds a sender's open invitations, so the sender's
 * index is read in order and each row's recipient, page or event is looked up by its key: no
 * scan of members or targets.
 */
function matchingPattern(pattern: string) {
  return (eb: ExpressionBuilder<Schema, 'invitations'>) =>
    eb.or([
      // R20: a recipient frozen by a block is matched as they were then.
      eb.and([
        eb('invitations.frozen_search', 'is', null),
        eb.exists(
          eb
            .selectFrom('members')
            .select('members.id')
            .whereRef('members.id', '=', 'invitations.recipient_id')
            .where((m) =>
              m.or([
                likePattern(sql<string>`lower(members.name)`, pattern),
                likePattern(m.ref('members.handle'), pattern),
              ]),
            ),
        ),
      ]),
      likePattern(eb.ref('invitations.frozen_search'), pattern),
      ...TARGET_TABLES.map(([kind, table]) =>
        eb.and([
          eb('invitations.kind', '=', kind),
          sql<SqlBool>`exists (select 1 from ${sql.table(table)} as t where t.id = invitations.target_id and ${likePattern(sql<string>`lower(t.name)`, pattern)})`,
        ]),
      ),
    ]);
}

/** `matchingPattern` for what `q` asks; null when it has nothing to match. */
function nameMatches(q: string | undefined) {
  const pattern = containsPattern(q ?? '');
  return pattern === null ? null : matchingPattern(pattern);
}

/** R23, R40: the invitations a sender still sees as open (an ignore or block reads as pending). */
export async function listSent(
  db: Db,
  senderId: string,
  options: SentFilter,
  page: PageRequest,
): Promise<Page<ListedInvitation>> {
  let query = listable(db, 'sender_id', senderId, statusIn(SENDER_OPEN_STATUSES), options);
  if (options.sentBefore) query = query.where('sent_at', '<=', options.sentBefore);
  const matches = nameMatches(options.q);
  if (matches) query = query.where(matches);
  return paginate(db, query, bySentAt('sent', options.order), page);
}

export type CountsByKind = Record<InvitationKind, number>;

function byKind(rows: { kind: InvitationKind; n: number }[]): CountsByKind {
  const counts: CountsByKind = { connection: 0, page: 0, event: 0 };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}

interface ReceivedCountFilter {
  status?: 'pending' | 'ignored';
  withNote?: boolean;
}

/** Prepared, a statement for each status and note filter: every `GET /me` counts them. */
const receivedCounts = prepareEach(
  (filter: ReceivedCountFilter) => `${filter.status ?? 'pending'}|${filter.withNote === true}`,
  (filter) => (db, a: { recipient: string; now: string }) => {
    const query = db
      .selectFrom('invitations')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('recipient_id', '=', a.recipient)
      .where(statusIs(filter.status ?? 'pending'))
      .where('expires_at', '>', a.now)
      .groupBy('kind');
    return filter.withNote ? query.where('note', 'is not', null) : query;
  },
);

export async function countReceived(
  db: Db,
  recipientId: string,
  now: string,
  filter: ReceivedCountFilter = {},
): Promise<CountsByKind> {
  return byKind(await receivedCounts(filter).all(db, { recipient: recipientId, now }));
}

/** Narrows the Sent counts like the list: sent at or before `sentBefore`, names matching `q`. */
export interface SentCountFilter {
  sentBefore?: string;
  q?: string;
}

/** No invitation is sent after it: the Sent counts of every sent time. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/**
 * Prepared, with and without a name to match: every `GET /me` and the Sent tab count them. The
 * sums' keys are `n_<kind>`, `kept_<kind>` and `stale`.
 */
const sentCounts = prepareEach(
  (named: boolean) => String(named),
  (named) =>
    (
      db,
      a: { sender: string; now: string; staleBefore: string; sentBefore: string; pattern: string },
    ) => {
      const query = db
        .selectFrom('invitations')
        .select((eb) => {
          const sumWhen = (when: Expression<SqlBool>, value: Expression<number> = eb.lit(1)) =>
            eb.fn.sum<number>(eb.case().when(when).then(value).else(0).end());
          return [
            ...KINDS.flatMap((kind) => [
              sumWhen(eb('kind', '=', kind)).as(`n_${kind}`),
              sumWhen(eb('kind', '=', kind), eb.ref('kept')).as(`kept_${kind}`),
            ]),
            sumWhen(eb.and([eb('sent_at', '<=', a.staleBefore), eb('kept', '=', 0)])).as('stale'),
          ];
        })
        .where('sender_id', '=', a.sender)
        .where(statusIn(SENDER_OPEN_STATUSES))
        .where('expires_at', '>', a.now)
        .where('sent_at', '<=', a.sentBefore);
      return named ? query.where(matchingPattern(a.pattern)) : query;
    },
);

/**
 * Open sent invitations by kind, how many of them the sender kept (R18: no clean-up or bulk
 * withdrawal takes those), and how many the clean-up would withdraw.
 *
 * Counted in one row rather than grouped by kind: for the grouping SQLite read an index in the
 * order of the kinds and then each open invitation's row from the table, where this reads the
 * sender's open invitations from the index of their list alone (1,750 of them in 0.46 ms,
 * against 0.67 ms grouped).
 */
export async function countSent(
  db: Db,
  senderId: string,
  now: string,
  staleBefore: string,
  filter: SentCountFilter = {},
): Promise<{ byKind: CountsByKind; keptByKind: CountsByKind; stale: number }> {
  const pattern = containsPattern(filter.q ?? '');
  const row = await sentCounts(pattern !== null).first(db, {
    sender: senderId,
    now,
    staleBefore,
    sentBefore: filter.sentBefore ?? END_OF_TIME,
    pattern: pattern ?? '',
  });
  const counted = (prefix: 'n' | 'kept') =>
    byKind(KINDS.map((kind) => ({ kind, n: Number(row?.[`${prefix}_${kind}`] ?? 0) })));
  return { byKind: counted('n'), keptByKind: counted('kept'), stale: Number(row?.stale ?? 0) };
}

export interface TargetRow {
  id: string;
  name: string;
  /** An event's start and place, so a list can say "Product breakfast · 12 Dec, Berlin". */
  startsAt?: string;
  location?: string;
}

/** The kind and target of each of `ids` that exists. */
export async function findInvitationKinds(
  db: Db,
  ids: string[],
): Promise<Pick<InvitationRow, 'id' | 'kind' | 'target_id'>[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('invitations')
    .select(['id', 'kind', 'target_id'])
    .where('id', 'in', ids)
    .execute();
}

const pagesWithIds = prepare((db, a: { ids: IdList }) =>
  db
    .selectFrom('pages')
    .select(['id', 'name'])
    .where(inIdList(db, 'id', a.ids)),
);

const eventsWithIds = prepare((db, a: { ids: IdList }) =>
  db
    .selectFrom('events')
    .select(['id', 'name', 'starts_at', 'location'])
    .where(inIdList(db, 'id', a.ids)),
);

/**
 * The pages and events that invitations point to, each read once however many of the rows point
 * to it, in a statement of one shape whatever their number (see `inIdList`).
 */
export async function findTargets(
  db: Db,
  rows: Pick<InvitationRow, 'kind' | 'target_id'>[],
): Promise<Map<string, TargetRow>> {
  const targets = new Map<string, TargetRow>();
  const idsOf = (kind: InvitationKind) =>
    rows.filter((r) => r.kind === kind).map((r) => r.target_id);
  const pageIds = idsOf('page');
  const eventIds = idsOf('event');
  if (pageIds.length > 0) {
    for (const t of await pagesWithIds.all(db, { ids: idList(db, pageIds) })) targets.set(t.id, t);
  }
  if (eventIds.length > 0) {
    for (const t of await eventsWithIds.all(db, { ids: idList(db, eventIds) })) {
      targets.set(t.id, { id: t.id, name: t.name, startsAt: t.starts_at, location: t.location });
    }
  }
  return targets;
}

export interface CleanupFilter {
  sentBefore?: string;
  kind?: InvitationKind;
  ids?: string[];
  q?: string;
  now: string;
}

/** R18: the sender's open invitations a clean-up considers. */
export function cleanupFilter(db: Db, senderId: string, filter: CleanupFilter): InvitationFilter {
  const matches = nameMatches(filter.q);
  return (eb) => {
    const terms = [
      eb('sender_id', '=', senderId),
      statusIn(SENDER_OPEN_STATUSES),
      eb('expires_at', '>', filter.now),
    ];
    if (filter.sentBefore) terms.push(eb('sent_at', '<=', filter.sentBefore));
    if (filter.kind) terms.push(eb('kind', '=', filter.kind));
    if (filter.ids) terms.push(inList(db, 'id', filter.ids));
    if (matches) terms.push(matches(eb));
    return eb.and(terms);
  };
}

/** The clean-up's candidates, oldest first. */
function cleanupCandidates(db: Db, senderId: string, filter: CleanupFilter) {
  return db
    .selectFrom('invitations')
    .where(cleanupFilter(db, senderId, filter))
    .orderBy('sent_at')
    .orderBy('id');
}

/** The candidates whole, for a preview that shows each of them. */
export function listCleanupCandidates(
  db: Db,
  senderId: string,
  filter: CleanupFilter,
): Promise<InvitationRow[]> {
  return cleanupCandidates(db, senderId, filter).selectAll().execute();
}

/** Only what a withdrawal decides on: at 10,000 candidates, whole rows cost more than it does. */
export function listCleanupCandidateIds(
  db: Db,
  senderId: string,
  filter: CleanupFilter,
): Promise<{ id: string; kept: number; sent_at: string }[]> {
  return cleanupCandidates(db, senderId, filter).select(['id', 'kept', 'sent_at']).execute();
}

/**
 * R30: every invitation the member sent or received, whatever became of it, but for those the
 * member may not see: as sender, the ones their recipient blocked (R20); as recipient, the ones
 * withdrawn, blocked or expired (R15), past their expiry before the job marks them too (R13).
 * Oldest first, a page at a time.
 */
export function listEveryInvitationOf(
  db: Db,
  memberId: string,
  role: 'sender' | 'recipient',
  page: PageRequest,
  now: string,
): Promise<Page<InvitationRow>> {
  const query =
    role === 'sender'
      ? db
          .selectFrom('invitations')
          .selectAll()
          .where('sender_id', '=', memberId)
          .where(sql<SqlBool>`status <> 'blocked'`)
      : db
          .selectFrom('invitations')
          .selectAll()
          .where('recipient_id', '=', memberId)
          .where(statusIn(RECIPIENT_VISIBLE_STATUSES))
          .where((eb) => eb.or([statusIs('accepted'), eb('expires_at', '>', now)]));
  return paginate(db, query, bySentAt('export', 'oldest'), page);
}
