import type { Db } from '../../db/types.js';
import { HOW_KNOWN, type HowKnown, SENDER_OPEN_STATUSES } from '../invitations/invitation.js';
import { statusIn, statusIs } from '../invitations/invitation.repository.js';
import type { AcceptedWait, AgeRange, SentByAnswer } from './insight.js';

/**
 * Invitations sent since `since` and how many of them are accepted now. Nothing else about
 * their state is read, so an ignore stays indistinguishable from no answer (R11).
 */
export async function sentCohort(
  db: Db,
  senderId: string,
  since: string,
): Promise<{ sent: number; accepted: number }> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => [
      eb.fn.countAll<number>().as('sent'),
      eb.fn
        .sum<number>(eb.case().when('status', '=', 'accepted').then(1).else(0).end())
        .as('accepted'),
    ])
    .where('sender_id', '=', senderId)
    .where('sent_at', '>', since)
    .executeTakeFirstOrThrow();
  return { sent: Number(row.sent), accepted: Number(row.accepted ?? 0) };
}

/** Open sent invitations (ignored and blocked ones read as open) counted per age range. */
export async function openAgeCounts(
  db: Db,
  senderId: string,
  now: string,
  ranges: AgeRange[],
): Promise<number[]> {
  if (ranges.length === 0) return [];
  const row = await db
    .selectFrom('invitations')
    .select((eb) =>
      ranges.map((range, i) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.and([
                  eb('sent_at', '>', range.sentAfter),
                  eb('sent_at', '<=', range.sentAtOrBefore),
                ]),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as(`b${i}`),
      ),
    )
    .where('sender_id', '=', senderId)
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  const values = row as Record<string, number | string | null>;
  return ranges.map((_, i) => Number(values[`b${i}`] ?? 0));
}

/**
 * R41: when each of the sender's invitations accepted since `since` was sent and accepted. The
 * accepted invitations' own index finds them, so no other answer the sender ever got is read.
 */
export async function acceptedWaitsSince(
  db: Db,
  senderId: string,
  since: string,
): Promise<AcceptedWait[]> {
  const rows = await db
    .selectFrom('invitations')
    .select(['sent_at', 'responded_at'])
    .where('sender_id', '=', senderId)
    .where(statusIs('accepted'))
    .where('responded_at', '>', since)
    .execute();
  return rows.flatMap((r) =>
    r.responded_at === null ? [] : [{ sentAt: r.sent_at, acceptedAt: r.responded_at }],
  );
}

const isHowKnown = (value: string | null): value is HowKnown =>
  HOW_KNOWN.some((answer) => answer === value);

/**
 * R41: the sender's connection invitations sent since `since`, grouped by whether they carried a
 * note and by how the sender knows the recipient, with how many of each are accepted now. As in
 * `sentCohort`, no other state is read (R11).
 */
export async function sentByAnswerSince(
  db: Db,
  senderId: string,
  since: string,
): Promise<SentByAnswer[]> {
  const rows = await db
    .selectFrom('invitations')
    .select((eb) => [
      eb.case().when('note', 'is not', null).then(1).else(0).end().as('with_note'),
      'how_known',
      eb.fn.countAll<number>().as('sent'),
      eb.fn
        .sum<number>(eb.case().when('status', '=', 'accepted').then(1).else(0).end())
        .as('accepted'),
    ])
    .where('sender_id', '=', senderId)
    .where('kind', '=', 'connection')
    .where('sent_at', '>', since)
    .groupBy(['with_note', 'how_known'])
    .execute();
  return rows.map((r) => ({
    withNote: Number(r.with_note) === 1,
    howKnown: isHowKnown(r.how_known) ? r.how_known : null,
    sent: Number(r.sent),
    accepted: Number(r.accepted ?? 0),
  }));
}

export type ProfileField = 'company' | 'industry' | 'location';

/** The most common values of a profile field among the member's connections; blanks left out. */
export async function topAmongConnections(
  db: Db,
  memberId: string,
  field: ProfileField,
  limit: number,
): Promise<{ value: string; count: number }[]> {
  const column = `members.${field}` as const;
  const rows = await db
    .selectFrom('connections')
    .innerJoin('members', 'members.id', 'connections.peer_id')
    .select([`${column} as value`, (eb) => eb.fn.countAll<number>().as('count')])
    .where('connections.member_id', '=', memberId)
    .where(column, '!=', '')
    .groupBy(column)
    .orderBy('count', 'desc')
    .orderBy(column)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
}
