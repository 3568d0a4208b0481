/**
 * What R1–R9 need to know about a connection invitation from one member to another, read in
 * one prepared statement rather than one query per rule: sending and every profile view need
 * all of it, and each statement costs more to issue than to run.
 */
import { sql } from 'kysely';
import type { RuleConfig } from '../../config.js';
import type { Step } from '../../db/pipeline.js';
import type { Db, Operand, Tx } from '../../db/types.js';
import { addDays } from '../../lib/time.js';
import { prepare } from '../../db/prepared.js';
import { blockedEitherWayOf, blocksBetween } from '../blocks/block.repository.js';
import { connectionRow } from '../connections/connection.repository.js';
import { contactRow } from '../contacts/contact.repository.js';
import { emailOf, idWithHandle, type MemberRow } from '../members/member.repository.js';
import type { InviteFacts } from './invitation.facts.js';
import { weekWindowStart } from './invitation.js';
import {
  connectionCooldownsSince,
  cooldownWithdrawals,
  emailAttemptsSince,
  type InvitationRow,
  openConnections,
  senderOpenBetween,
  senderOpenRows,
  sentSinceRows,
} from './invitation.repository.js';

interface FactsArgs {
  sender: string;
  weekStart: string;
  emailSince: string;
  now: string;
}

/**
 * One row of the counts and flags, joined to each open invitation between the two, or to one
 * row of nulls when there is none. The recipient and the sender's lower-cased address are values
 * or subqueries, for a caller that has yet to read them.
 */
function factsQuery(
  db: Db,
  a: FactsArgs,
  recipient: Operand<string>,
  senderEmail: Operand<string>,
) {
  return db
    .selectFrom(
      db
        .selectNoFrom((eb) => [
          eb.exists(blocksBetween(db, a.sender, recipient)).as('blocked'),
          eb.exists(connectionRow(db, a.sender, recipient)).as('connected'),
          eb.exists(contactRow(db, recipient, senderEmail)).as('sender_in_contacts'),
          cooldownWithdrawals(db, {
            senderId: a.sender,
            recipientIds: [recipient],
            kind: 'connection',
            targetId: '',
          })
            .select((s) => s.fn.max('withdrawn_at').as('at'))
            .as('last_withdrawal'),
          sentSinceRows(db, a.sender, 'connection', a.weekStart)
            .select(sql<number>`count(*)`.as('n'))
            .as('weekly_count'),
          sentSinceRows(db, a.sender, 'connection', a.weekStart)
            .select((s) => s.fn.min('sent_at').as('oldest'))
            .as('weekly_oldest'),
          emailAttemptsSince(db, a.sender, recipient, a.emailSince)
            .select(sql<number>`count(*)`.as('n'))
            .as('email_attempts'),
          emailAttemptsSince(db, a.sender, recipient, a.emailSince)
            .select((s) => s.fn.min('attempted_at').as('oldest'))
            .as('email_attempts_oldest'),
          senderOpenRows(db, a.sender, a.now)
            .select(sql<number>`count(*)`.as('n'))
            .as('open_sent'),
        ])
        .as('s'),
    )
    .leftJoin(
      senderOpenBetween(db, a.sender, recipient).where('kind', '=', 'connection').as('i'),
      (join) => join.onTrue(),
    )
    .selectAll(['s', 'i']);
}

const factsById = prepare((db, a: FactsArgs & { recipient: string; senderEmail: string }) =>
  factsQuery(db, a, a.recipient, a.senderEmail),
);

/**
 * The recipient found by handle and the sender's address (stored lower-cased) read in the
 * statement itself, for a send that has yet to lock and read either member.
 */
const factsByHandle = prepare((db, a: FactsArgs & { handle: string }) =>
  factsQuery(db, a, idWithHandle(db, a.handle), emailOf(db, a.sender)),
);

type FactsRow = Awaited<ReturnType<typeof factsById.all>>[number];

/** The invitation a row of `facts` was joined to, if any. */
function invitationOf(row: FactsRow): InvitationRow[] {
  const {
    blocked,
    connected,
    sender_in_contacts,
    last_withdrawal,
    weekly_count,
    weekly_oldest,
    email_attempts,
    email_attempts_oldest,
    open_sent,
    ...invitation
  } = row;
  // The left join types every invitation column nullable; a row with an id is a whole one.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return invitation.id === null ? [] : [invitation as InvitationRow];
}

function factsOf(rows: FactsRow[]): InviteFacts {
  const row = rows[0];
  return {
    between: rows.flatMap(invitationOf),
    // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
    blocked: Boolean(row?.blocked),
    connected: Boolean(row?.connected),
    senderInContacts: Boolean(row?.sender_in_contacts),
    lastWithdrawal: row?.last_withdrawal ?? null,
    weekly: { count: Number(row?.weekly_count ?? 0), oldest: row?.weekly_oldest ?? null },
    openSent: Number(row?.open_sent ?? 0),
    emailAttempts: {
      count: Number(row?.email_attempts ?? 0),
      oldest: row?.email_attempts_oldest ?? null,
    },
  };
}

function factsArgs(
  senderId: string,
  now: Date,
  rules: Pick<RuleConfig, 'emailAttemptsWindowDays'>,
): FactsArgs {
  return {
    sender: senderId,
    weekStart: weekWindowStart(now).toISOString(),
    emailSince: addDays(now, -rules.emailAttemptsWindowDays).toISOString(),
    now: now.toISOString(),
  };
}

export async function loadInviteFacts(
  db: Db,
  sender: Pick<MemberRow, 'id' | 'email'>,
  recipientId: string,
  now: Date,
  rules: Pick<RuleConfig, 'emailAttemptsWindowDays'>,
): Promise<InviteFacts> {
  const args = {
    ...factsArgs(sender.id, now, rules),
    recipient: recipientId,
    senderEmail: sender.email,
  };
  return factsOf(await factsById.all(db, args));
}

/**
 * The facts about the member others may reach by `handle`, as a step of a send's pipeline: sent
 * with the statement that locks the two, it reads what that lock guards without waiting for it to
 * answer first. Empty facts when no one has the handle; the send refuses it from the lock's rows.
 */
export function inviteFactsByHandleStep(
  tx: Tx,
  senderId: string,
  handle: string,
  now: Date,
  rules: Pick<RuleConfig, 'emailAttemptsWindowDays'>,
): Step<InviteFacts> {
  const args = { ...factsArgs(senderId, now, rules), handle: handle.toLowerCase() };
  return factsByHandle.step(tx, args, factsOf);
}

/**
 * The members `viewerId` may not be offered to invite (people you may know): blocked either way
 * (R20), with an open connection invitation either way (R1), or in a resend cooldown (R16). One
 * set for a whole page of candidates: checked one candidate at a time, a generic plan weighed
 * every member's invitations as the average member's few, and compared each candidate with each
 * of a busy member's 2,300 received ones (3.7 s for a page).
 */
export function unsuggestableTo(
  db: Db,
  viewerId: string,
  now: Date,
  rules: Pick<RuleConfig, 'resendCooldownDays'>,
) {
  const at = now.toISOString();
  return blockedEitherWayOf(db, viewerId)
    .unionAll(openConnections(db, 'sender_id', viewerId, at).select('recipient_id as id'))
    .unionAll(openConnections(db, 'recipient_id', viewerId, at).select('sender_id as id'))
    .unionAll(
      connectionCooldownsSince(db, viewerId, addDays(now, -rules.resendCooldownDays).toISOString()),
    );
}
