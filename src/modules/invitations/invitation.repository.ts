import {
  type Expression,
  type ExpressionBuilder,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import { chunksOf } from '../../db/chunks.js';
import { anyOf } from '../../db/lists.js';
import { equalsLiteral } from '../../db/literals.js';
import type { Schema } from '../../db/schema.js';
import type { Db, Operand, Tx } from '../../db/types.js';
import type { Step } from '../../db/pipeline.js';
import { prepare, prepareEach } from '../../db/prepared.js';
import { updateOrFail } from '../../db/update-or-fail.js';
import type {
  InvitationKind,
  InvitationStatus,
  InvitationTable,
  WithdrawCause,
} from '../../db/tables/invitation.js';
import { RowsById } from '../../lib/rows-by-id.js';
import { type MemberRow, membersWithIds } from '../members/member.repository.js';
import { SENDER_OPEN_STATUSES, TRANSITION_FROM, TRANSITION_TO } from './invitation.js';

export type InvitationRow = Selectable<InvitationTable>;

/** What the queries that choose invitations for a transition give of each. */
export type InvitationRef = Pick<InvitationRow, 'id' | 'kind' | 'sender_id' | 'recipient_id'>;

/** The columns of an `InvitationRef`, for queries that select the invitations a transition takes. */
export const REF_COLUMNS = ['id', 'kind', 'sender_id', 'recipient_id'] as const;

/**
 * The columns an invitation list shows of each row (invitation.presenter.ts) and pages by: half
 * of a whole row, and a page of 20 whole rows cost SQLite twice what these do.
 */
export const LISTED_COLUMNS = [
  'id',
  'kind',
  'status',
  'sender_id',
  'recipient_id',
  'target_id',
  'note',
  'how_known',
  'sent_at',
  'kept',
  'frozen_recipient',
] as const;

export type ListedInvitation = Pick<InvitationRow, (typeof LISTED_COLUMNS)[number]>;

/** One sender's invitations of one kind and target to these recipients. */
export interface CooldownKey {
  senderId: string;
  recipientIds: readonly Operand<string>[];
  kind: InvitationKind;
  targetId: string;
}

/** Statuses written into the SQL as literals rather than bound; see `equalsLiteral`. */
export function statusIn(statuses: readonly InvitationStatus[]) {
  return sql<SqlBool>`status in (${sql.join(statuses.map((status) => sql.lit(status)))})`;
}

export function statusIs(status: InvitationStatus) {
  return equalsLiteral('status', status);
}

/** Page and event invitations: the WHERE term of their partial index, which SQLite must see. */
export const TARGETED = sql<SqlBool>`kind <> 'connection'`;

const insertRow = prepare((db, row: InvitationRow) => db.insertInto('invitations').values(row), {
  deferrable: true,
});

/**
 * Writes a whole row: every column is given, so the prepared statement fits every call. On
 * PostgreSQL it travels with the next statement, so R1's unique violation surfaces there.
 */
export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await insertRow.execute(db, row);
}

const byId = prepare((db, a: { id: string }) =>
  db.selectFrom('invitations').selectAll().where('id', '=', a.id),
);

export function findInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  return byId.first(db, { id });
}

/** `findInvitation` as a step of a pipeline. */
export function invitationStep(tx: Tx, id: string): Step<InvitationRow | undefined> {
  return byId.step(tx, { id }, (rows) => rows[0]);
}

/**
 * Invitation `id`'s sender and recipient as subqueries, so a statement sent before the
 * invitation's answer is read can find its members itself.
 */
function partiesOf(db: Db, id: string) {
  return [
    db.selectFrom('invitations').select('sender_id').where('id', '=', id),
    db.selectFrom('invitations').select('recipient_id').where('id', '=', id),
  ] as const;
}

const membersOfInvitation = prepare((db, a: { id: string }) =>
  membersWithIds(db, partiesOf(db, a.id)),
);

/**
 * The two members of invitation `id`, as a step of a pipeline that has yet to read it: none
 * when there is no such invitation.
 */
export function invitationMembersStep(tx: Tx, id: string): Step<RowsById<MemberRow>> {
  return membersOfInvitation.step(tx, { id }, (rows) => new RowsById(rows, 'member'));
}

const lockedMembersOfInvitation = prepare((db, a: { id: string }) =>
  membersWithIds(db, partiesOf(db, a.id)).orderBy('id').forUpdate(),
);

/** `invitationMembersStep`, locking them in id order as `lockMembers` does. */
export function lockInvitationMembersStep(tx: Tx, id: string): Step<RowsById<MemberRow>> {
  return lockedMembersOfInvitation.step(tx, { id }, (rows) => new RowsById(rows, 'member'));
}

/** Reads an invitation and keeps it from changing until the transaction ends (PostgreSQL). */
export async function lockInvitation(tx: Tx, id: string): Promise<InvitationRow | undefined> {
  return tx
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', id)
    .forShare()
    .executeTakeFirst();
}

/**
 * R16: the sender's withdrawals of a kind that start a cooldown: the sender's own, not a block's,
 * a suspension's, a connection's or a leaving's (R3, R19, R29).
 */
function cooldownStarters(db: Db, senderId: string, kind: InvitationKind) {
  return db
    .selectFrom('invitations')
    .where('sender_id', '=', senderId)
    .where('kind', '=', kind)
    .where(statusIs('withdrawn'))
    .where('withdraw_cause', 'not in', ['block', 'suspension', 'connected', 'leaving']);
}

/** R16: those of the sender's cooldown-starting withdrawals to these recipients and target. */
export function cooldownWithdrawals(db: Db, key: CooldownKey) {
  return cooldownStarters(db, key.senderId, key.kind)
    .where('recipient_id', 'in', key.recipientIds)
    .where('target_id', '=', key.targetId);
}

/** R16: the members `senderId` may not invite to connect again yet, withdrawn since `since`. */
export function connectionCooldownsSince(db: Db, senderId: string, since: string) {
  return cooldownStarters(db, senderId, 'connection')
    .select('recipient_id as id')
    .where('withdrawn_at', '>', since);
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

/** R6: invitations their sender still sees as open. */
function openToSenders(db: Db, now: string) {
  return db
    .selectFrom('invitations')
    .where(statusIn(SENDER_OPEN_STATUSES))
    .where('expires_at', '>', now);
}

/** R6: invitations the sender still sees as open. */
export function senderOpenRows(db: Db, senderId: string, now: string) {
  return openToSenders(db, now).where('sender_id', '=', senderId);
}

/** R1: the open connection invitations `memberId` sent (`side` sender_id) or received. */
export function openConnections(
  db: Db,
  side: 'sender_id' | 'recipient_id',
  memberId: string,
  now: string,
) {
  return openToSenders(db, now).where(side, '=', memberId).where('kind', '=', 'connection');
}

export async function countSenderOpen(db: Db, senderId: string, now: string): Promise<number> {
  const row = await senderOpenRows(db, senderId, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many of `invitations` each of `senderIds` sent, in one statement; a sender with none is absent. */
async function countEachSender(
  invitations: ReturnType<typeof openToSenders>,
  senderIds: readonly string[],
): Promise<Map<string, number>> {
  if (senderIds.length === 0) return new Map();
  const rows = await invitations
    .select(['sender_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('sender_id', 'in', senderIds)
    .groupBy('sender_id')
    .execute();
  return new Map(rows.map((r) => [r.sender_id, Number(r.n)]));
}

/** `countSenderOpen` for a page of senders. */
export function countSenderOpenEach(
  db: Db,
  senderIds: readonly string[],
  now: string,
): Promise<Map<string, number>> {
  return countEachSender(openToSenders(db, now), senderIds);
}

/** R8: the wrong addresses `senderId` gave for `recipientId` since `since`. */
export function emailAttemptsSince(
  db: Db,
  senderId: string,
  recipientId: Operand<string>,
  since: string,
) {
  return db
    .selectFrom('email_attempts')
    .where('sender_id', '=', senderId)
    .where('recipient_id', '=', recipientId)
    .where('attempted_at', '>', since);
}

export async function recordEmailAttempt(
  db: Db,
  senderId: string,
  recipientId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('email_attempts')
    .values({ sender_id: senderId, recipient_id: recipientId, attempted_at: at })
    .execute();
}

/** R20: the blocker as their blocked invitations' senders keep seeing them. */
export interface FrozenRecipient {
  /** The member summary, in JSON. */
  summary: string;
  /** What the Sent list's search matches (R40): `frozenSearchOf`. */
  search: string;
}

/** A recipient's name and handle, lowercased, as the Sent list's search matches them (R40). */
export function frozenSearchOf(member: { name: string; handle: string }): string {
  return `${member.name} ${member.handle}`.toLowerCase();
}

type StatusChange =
  | { kind: 'accept' | 'mutual_accept' | 'expire' | 'leave' }
  | { kind: 'block'; frozen: FrozenRecipient }
  | { kind: 'ignore'; reason: string | null }
  | { kind: 'withdraw'; cause: WithdrawCause };

interface ChangeArgs {
  id: string;
  at: string;
  reason: string | null;
  cause: WithdrawCause | null;
  frozen: string | null;
  frozenSearch: string | null;
}

/** The columns each transition writes besides its status; every one stops the reminders (R12). */
function columnsOf(change: StatusChange, a: ChangeArgs): Updateable<InvitationTable> {
  const base = { status: TRANSITION_TO[change.kind], updated_at: a.at, remind_at: null };
  switch (change.kind) {
    case 'accept':
    case 'mutual_accept':
      // An accept after an "I don't know this person" ignore (R38) takes that answer back (R9),
      // though its recipient's history keeps the ignore (R30); a mutual accept of a blocked one
      // (R3) shows its recipient as they are again (R20).
      return {
        ...base,
        responded_at: a.at,
        ignore_reason: null,
        frozen_recipient: null,
        frozen_search: null,
      };
    case 'ignore':
      return { ...base, responded_at: a.at, ignored_at: a.at, ignore_reason: a.reason };
    case 'withdraw':
      return { ...base, withdrawn_at: a.at, withdraw_cause: a.cause };
    case 'block':
      return { ...base, frozen_recipient: a.frozen, frozen_search: a.frozenSearch };
    case 'leave':
      // R29: it closes as an expiry does, but now, and its sender's history says so.
      return { ...base, expires_at: a.at };
    default:
      return base;
  }
}

/** R18: clean-up and automatic withdrawal never touch a kept invitation. */
function sparesKept(change: StatusChange): boolean {
  return change.kind === 'withdraw' && (change.cause === 'cleanup' || change.cause === 'automatic');
}

/** Which invitations a change takes, before the states it starts from narrow them. */
export type InvitationFilter = (
  eb: ExpressionBuilder<Schema, 'invitations'>,
) => Expression<SqlBool>;

function changeQuery(db: Db, which: InvitationFilter, change: StatusChange, a: ChangeArgs) {
  const query = db
    .updateTable('invitations')
    .set(columnsOf(change, a))
    .where(which)
    .where(statusIn(TRANSITION_FROM[change.kind]));
  return sparesKept(change) ? query.where('kept', '=', 0) : query;
}

function argsOf(change: StatusChange, now: Date): Omit<ChangeArgs, 'id'> {
  return {
    at: now.toISOString(),
    reason: change.kind === 'ignore' ? change.reason : null,
    cause: change.kind === 'withdraw' ? change.cause : null,
    frozen: change.kind === 'block' ? change.frozen.summary : null,
    frozenSearch: change.kind === 'block' ? change.frozen.search : null,
  };
}

/** One prepared statement per transition (and cause) for a single invitation. */
const singleChange = prepareEach(
  (change: StatusChange) => `${change.kind}|${sparesKept(change)}`,
  (change) => (db, a: ChangeArgs) =>
    changeQuery(db, (eb) => eb('id', '=', a.id), change, a).returningAll(),
);

/**
 * The state change of one invitation, if it is still in a state `change` may start from, as a
 * step of a pipeline: the invitation as it is now, which its answer shows, or undefined.
 */
export function updateOneStep(
  tx: Tx,
  id: string,
  change: StatusChange,
  now: Date,
): Step<InvitationRow | undefined> {
  return singleChange(change).step(tx, { ...argsOf(change, now), id }, (rows) => rows[0]);
}

/** What a batch's effects need of each invitation it changed (R15, R20, R35). */
export type ChangedInvitation = Pick<
  InvitationRow,
  'id' | 'kind' | 'sender_id' | 'recipient_id' | 'target_id' | 'frozen_recipient'
>;

/**
 * The state change of many invitations, a chunk of ids a statement: those still in a state
 * `change` may start from. Returns only what the effects need, since a clean-up changes thousands.
 */
export async function updateMany(
  tx: Tx,
  ids: readonly string[],
  change: StatusChange,
  now: Date,
): Promise<ChangedInvitation[]> {
  const rows: ChangedInvitation[] = [];
  for (const chunk of chunksOf(ids)) {
    rows.push(...(await updateWhere(tx, () => anyOf(tx, 'id', chunk), change, now)));
  }
  return rows;
}

/**
 * The state change of every invitation `which` selects that is still in a state `change` may
 * start from, in one statement. A selection by the columns of an index (a sender's open
 * invitations up to a sent time) reads that index in order, where a list of ids looks each one
 * up by its key first.
 */
export function updateWhere(
  tx: Tx,
  which: InvitationFilter,
  change: StatusChange,
  now: Date,
): Promise<ChangedInvitation[]> {
  return updateOrFail(
    tx,
    changeQuery(tx, which, change, { ...argsOf(change, now), id: '' }).returning([
      'id',
      'kind',
      'sender_id',
      'recipient_id',
      'target_id',
      'frozen_recipient',
    ]),
  );
}

export async function setKept(db: Db, id: string, kept: boolean, at: string): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ kept: kept ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * R9: "I don't know this person" answers to the sender's connection invitations since `since`;
 * such an answer to a page or event invitation says nothing of whether the sender knows them.
 */
function dontKnowAnswersSince(db: Db, since: string) {
  return db
    .selectFrom('invitations')
    .where(equalsLiteral('ignore_reason', 'dont_know'))
    .where('kind', '=', 'connection')
    .where('responded_at', '>', since);
}

export async function countDontKnowSince(db: Db, senderId: string, since: string): Promise<number> {
  const row = await dontKnowAnswersSince(db, since)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sender_id', '=', senderId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** `countDontKnowSince` for a page of senders. */
export function countDontKnowSinceEach(
  db: Db,
  senderIds: readonly string[],
  since: string,
): Promise<Map<string, number>> {
  return countEachSender(dontKnowAnswersSince(db, since), senderIds);
}

/** Invitations between two members in either direction, whatever their state. */
function between(db: Db, a: Operand<string>, b: Operand<string>) {
  return db
    .selectFrom('invitations')
    .where((eb) =>
      eb.or([
        eb.and([eb('sender_id', '=', a), eb('recipient_id', '=', b)]),
        eb.and([eb('sender_id', '=', b), eb('recipient_id', '=', a)]),
      ]),
    );
}

export async function findIdsBetween(db: Db, a: string, b: string): Promise<string[]> {
  const rows = await between(db, a, b).select('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Invitations between two members in either direction that are open from the sender's side
 * (R1), including ones past their expiry that the expiry job has not marked yet (R13).
 */
export function senderOpenBetween(db: Db, a: Operand<string>, b: Operand<string>) {
  return between(db, a, b).selectAll().where(statusIn(SENDER_OPEN_STATUSES));
}

/** Prepared: every accept of a connection invitation reads it (R3). */
const openBetween = prepare((db, members: { a: string; b: string }) =>
  senderOpenBetween(db, members.a, members.b),
);

export function findSenderOpenBetween(db: Db, a: string, b: string): Promise<InvitationRow[]> {
  return openBetween.all(db, { a, b });
}

const openBetweenPartiesOf = prepare((db, a: { id: string }) =>
  senderOpenBetween(db, ...partiesOf(db, a.id)),
);

/**
 * `findSenderOpenBetween` for invitation `id`'s two members, as a step of a pipeline that has
 * yet to read it.
 */
export function senderOpenBetweenPartiesStep(tx: Tx, id: string): Step<InvitationRow[]> {
  return openBetweenPartiesOf.step(tx, { id }, (rows) => rows);
}

/** R29: every invitation that is still open, either way, between `memberId` and anyone. */
export function senderOpenInvolving(db: Db, memberId: string): Promise<InvitationRef[]> {
  return db
    .selectFrom('invitations')
    .select(REF_COLUMNS)
    .where((eb) => eb.or([eb('sender_id', '=', memberId), eb('recipient_id', '=', memberId)]))
    .where(statusIn(SENDER_OPEN_STATUSES))
    .execute();
}

/** R29: the open invitations to pages or events that are about to be deleted. */
export async function senderOpenForTargets(
  db: Db,
  targets: { kind: InvitationKind; ids: readonly string[] }[],
): Promise<InvitationRef[]> {
  const rows: InvitationRef[] = [];
  for (const { kind, ids } of targets) {
    if (ids.length === 0) continue;
    rows.push(
      ...(await db
        .selectFrom('invitations')
        .select(REF_COLUMNS)
        .where('kind', '=', kind)
        .where('target_id', 'in', ids)
        .where(statusIn(SENDER_OPEN_STATUSES))
        .execute()),
    );
  }
  return rows;
}
