import type { Db } from '../../db/types.js';
import { paginate, type Page, type PageRequest } from '../../db/pagination.js';
import type { InvitationKind } from '../../db/tables/invitation.js';
import { SENDER_OPEN_STATUSES } from './invitation.js';
import { type InvitationRow, statusIn, statusIs } from './invitation.repository.js';

/** Newest first; the id breaks ties between invitations sent in the same millisecond. */
const NEWEST_FIRST = {
  columns: ['sent_at', 'id'],
  order: 'desc',
  values: (r: InvitationRow) => [r.sent_at, r.id] as const,
} as const;

/** R23: the invitations a recipient still sees as pending. */
export async function listReceived(
  db: Db,
  recipientId: string,
  options: { kind?: InvitationKind; now: string },
  page: PageRequest,
): Promise<Page<InvitationRow>> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where(statusIs('pending'))
    // R13: past its expiry it has left the list, even before the expiry job has marked it.
    .where('expires_at', '>', options.now);
  if (options.kind) query = query.where('kind', '=', options.kind);
  return paginate(query, NEWEST_FIRST, page);
}

/** R23: the invitations a sender still sees as open (an ignore or block reads as pending). */
export async function listSent(
  db: Db,
  senderId: string,
  options: { kind?: InvitationKind; sentBefore?: string; now: string },
  page: PageRequest,
): Promise<Page<InvitationRow>> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', options.now);
  if (options.kind) query = query.where('kind', '=', options.kind);
  if (options.sentBefore) query = query.where('sent_at', '<=', options.sentBefore);
  return paginate(query, NEWEST_FIRST, page);
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

/** Names of the pages and events that invitations point to. */
export async function findTargets(
  db: Db,
  rows: InvitationRow[],
): Promise<Map<string, { id: string; name: string }>> {
  const targets = new Map<string, { id: string; name: string }>();
  for (const [kind, table] of [
    ['page', 'pages'],
    ['event', 'events'],
  ] as const) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.target_id);
    if (ids.length === 0) continue;
    for (const t of await db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute()) {
      targets.set(t.id, t);
    }
  }
  return targets;
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
