import type { Insertable, Selectable } from 'kysely';
import type { Db, Tx } from '../../db/types.js';
import { membersAmong } from '../../db/members-among.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';
import { prepare } from '../../db/prepared.js';
import type { EventTable } from '../../db/tables/event.js';
import { shownTo } from '../members/member.filter.js';
import type { MemberRow } from '../members/member.repository.js';

export type EventRow = Selectable<EventTable>;

export async function insertEvent(db: Db, row: Insertable<EventTable>): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Holds the event's row until the transaction ends, so organizers sending at once count in turn (R22). */
export async function lockEvent(tx: Tx, id: string): Promise<void> {
  await tx.selectFrom('events').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertOrganizer(db: Db, eventId: string, memberId: string): Promise<void> {
  await db
    .insertInto('event_organizers')
    .values({ event_id: eventId, member_id: memberId })
    .onConflict((oc) => oc.columns(['event_id', 'member_id']).doNothing())
    .execute();
}

export async function isOrganizer(db: Db, eventId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('event_organizers')
    .select('member_id')
    .where('event_id', '=', eventId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function attendEvent(
  db: Db,
  eventId: string,
  memberId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('event_attendees')
    .values({ event_id: eventId, member_id: memberId, created_at: at })
    .onConflict((oc) => oc.columns(['event_id', 'member_id']).doNothing())
    .execute();
}

/** Which of `memberIds` attend the event. */
export function attendeesAmong(db: Db, eventId: string, memberIds: string[]): Promise<Set<string>> {
  return membersAmong(db, 'event_attendees', eventId, memberIds);
}

/** Organizers `viewerId` may see: a block either way (R20) or a suspension (R32) hides one. */
export async function listOrganizers(
  db: Db,
  eventId: string,
  viewerId: string,
): Promise<MemberRow[]> {
  return db
    .selectFrom('event_organizers')
    .innerJoin('members', 'members.id', 'event_organizers.member_id')
    .selectAll('members')
    .where('event_organizers.event_id', '=', eventId)
    .where(shownTo(viewerId, 'members.id'))
    .orderBy('members.name')
    .execute();
}

/** The attendees `viewerId` may see, newest first, a page at a time (R40). */
export async function listAttendees(
  db: Db,
  eventId: string,
  viewerId: string,
  page: PageRequest,
): Promise<Page<MemberRow & { attended_at: string }>> {
  const query = db
    .selectFrom('event_attendees')
    .innerJoin('members', 'members.id', 'event_attendees.member_id')
    .selectAll('members')
    .select('event_attendees.created_at as attended_at')
    .where('event_attendees.event_id', '=', eventId)
    .where(shownTo(viewerId, 'members.id'));
  return paginate(
    db,
    query,
    {
      list: 'listAttendees',
      columns: ['event_attendees.created_at', 'event_attendees.member_id'],
      order: 'desc',
      values: (r) => [r.attended_at, r.id],
    },
    page,
  );
}

/** R20, R32: the attendees `viewerId` may see, counted as the list beside the count shows them. */
export async function countAttendees(
  db: Db,
  eventIds: string[],
  viewerId: string,
): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_attendees')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where(shownTo(viewerId, 'event_attendees.member_id'))
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

/** Of `eventIds`, those `memberId` organizes and those they attend. */
export async function memberRoles(
  db: Db,
  memberId: string,
  eventIds: string[],
): Promise<{ organizer: Set<string>; attending: Set<string> }> {
  if (eventIds.length === 0) return { organizer: new Set(), attending: new Set() };
  const [organizer, attending] = await Promise.all([
    db
      .selectFrom('event_organizers')
      .select('event_id')
      .where('member_id', '=', memberId)
      .where('event_id', 'in', eventIds)
      .execute(),
    db
      .selectFrom('event_attendees')
      .select('event_id')
      .where('member_id', '=', memberId)
      .where('event_id', 'in', eventIds)
      .execute(),
  ]);
  return {
    organizer: new Set(organizer.map((r) => r.event_id)),
    attending: new Set(attending.map((r) => r.event_id)),
  };
}

/**
 * The ids of the events the member organizes or attends, as one set: the member's rows by index,
 * then the events by key (see memberPageIds).
 */
function memberEventIds(db: Db, memberId: string) {
  return db
    .selectFrom('event_organizers')
    .select('event_id')
    .where('member_id', '=', memberId)
    .union(db.selectFrom('event_attendees').select('event_id').where('member_id', '=', memberId));
}

/** Prepared: every `GET /me` counts them. */
const upcomingEventsCount = prepare((db, a: { member: string; now: string }) =>
  db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', memberEventIds(db, a.member))
    .where('starts_at', '>', a.now),
);

/** How many events the member organizes or attends that have yet to start at `now`. */
export async function countUpcomingMemberEvents(
  db: Db,
  memberId: string,
  now: string,
): Promise<number> {
  const row = await upcomingEventsCount.first(db, { member: memberId, now });
  return Number(row?.n ?? 0);
}

/** Events yet to start, or those that have started. */
export type EventsSide = 'upcoming' | 'past';

/**
 * Events the member organizes or attends: all of them, soonest first; or on one `side` of `now`,
 * those yet to start soonest first, those that have started the latest first.
 */
export async function listMemberEvents(
  db: Db,
  memberId: string,
  page: PageRequest,
  split?: { side: EventsSide; now: string },
): Promise<Page<EventRow>> {
  let query = db.selectFrom('events').selectAll().where('id', 'in', memberEventIds(db, memberId));
  if (split) query = query.where('starts_at', split.side === 'past' ? '<=' : '>', split.now);
  return paginate(
    db,
    query,
    {
      list: 'listMemberEvents',
      columns: ['starts_at', 'id'],
      order: split?.side === 'past' ? 'desc' : 'asc',
      values: (r) => [r.starts_at, r.id],
    },
    page,
  );
}
