/**
 * The one writer of invitation states (SPEC §1, CONVENTIONS 13). Every transition — accept,
 * ignore, withdraw, expire, block, mutual accept — is one conditional UPDATE … RETURNING over
 * the ids, so racing requests end in one outcome, followed by that transition's effects in the
 * same transaction. `acceptOne` and `closeOne` are the same for one invitation, and give it back
 * whole.
 */
import type { RuleConfig } from '../../config.js';
import type { WithdrawCause } from '../../db/tables/invitation.js';
import { chunksOf } from '../../db/chunks.js';
import { pipelined } from '../../db/pipeline.js';
import type { Tx } from '../../db/types.js';
import { addDays } from '../../lib/time.js';
import type { RowsById } from '../../lib/rows-by-id.js';
import { connectMembers } from '../connections/connect.js';
import { onEventInvitationAccepted } from '../events/event.invitations.js';
import { type MemberRow } from '../members/member.repository.js';
import { updateMember } from '../members/member.service.js';
import { cancelMailForInvitations } from '../outbox/outbox.service.js';
import { onPageInvitationAccepted } from '../pages/page.invitations.js';
import type { InvitationEventType } from '../webhooks/webhook.js';
import { emitWebhookEvents } from '../webhooks/webhook.emit.js';
import { announceAccept, eraseFromRecipient } from './invitation.effects.js';
import { restrictionUntil, type Transition } from './invitation.js';
import {
  type ChangedInvitation,
  countDontKnowSince,
  lockInvitationMembersStep,
  senderOpenBetweenPartiesStep,
  type FrozenRecipient,
  type InvitationRow,
  type InvitationFilter,
  invitationMembersStep,
  invitationStep,
  updateMany,
  updateOneStep,
  updateWhere,
} from './invitation.repository.js';

export type IgnoreReason = 'dont_know';

/** A change that closes an invitation or puts it aside, for one or many at once. */
export type Closing =
  | { kind: 'expire' | 'leave' }
  | { kind: 'block'; frozen: FrozenRecipient }
  | { kind: 'ignore'; reason: IgnoreReason | null }
  | { kind: 'withdraw'; cause: WithdrawCause };

export type Change = { kind: 'accept' | 'mutual_accept' } | Closing;

export interface TransitionEnv {
  now: Date;
  rules: RuleConfig;
}

export interface Transitioned {
  /** The invitation as it is now; null when it was no longer in a state the change starts from. */
  row: InvitationRow | null;
  /** The invitation's two members, read in the change's transaction (see acceptOne, closeOne). */
  members: RowsById<MemberRow>;
}

export type { Transition };

/**
 * The webhook event each change raises; who hears it is decided by the webhooks module (R35),
 * so a sender never hears of an ignore and a recipient never of a withdrawal or expiry. A
 * block raises none: it is silent to both.
 */
const EVENT_OF: Record<Change['kind'], InvitationEventType | null> = {
  accept: 'invitation.accepted',
  mutual_accept: 'invitation.accepted',
  ignore: 'invitation.ignored',
  withdraw: 'invitation.withdrawn',
  expire: 'invitation.expired',
  block: null,
  // R29: the one who left has no webhooks left, and the others are told nothing.
  leave: null,
};

/**
 * Applies `change` to those of `invitations` still in a state it may start from, then its
 * effects, and returns what changed.
 */
export async function transition(
  tx: Tx,
  invitations: readonly { id: string }[],
  change: Closing,
  env: TransitionEnv,
): Promise<ChangedInvitation[]> {
  const ids = invitations.map((i) => i.id);
  if (ids.length === 0) return [];
  const rows = await updateMany(tx, ids, change, env.now);
  await closingEffects(tx, rows, change, env);
  return rows;
}

/**
 * Applies `change` to every invitation `which` selects that is still in a state it may start
 * from, in one statement, then its effects a chunk at a time; for a change of thousands chosen
 * by a filter.
 */
export async function transitionWhere(
  tx: Tx,
  which: InvitationFilter,
  change: Closing,
  env: TransitionEnv,
): Promise<ChangedInvitation[]> {
  const rows = await updateWhere(tx, which, change, env.now);
  for (const chunk of chunksOf(rows)) await closingEffects(tx, chunk, change, env);
  return rows;
}

/**
 * One invitation, known by its id, closed for whom `authorize` lets close it as it was read
 * (`authorize` throws otherwise). The invitation is read, changed and its two members read in
 * one round trip (db/pipeline.ts): a refusal throws once they are answered, and the change rolls
 * back with the transaction before anything else is written. The members are read after the
 * change, so its effects need not look for webhooks of members who have none (see
 * emitWebhookEvents), and the caller gets them to present.
 */
export async function closeOne(
  tx: Tx,
  id: string,
  change: Closing,
  env: TransitionEnv,
  authorize: (read: InvitationRow | undefined) => void,
): Promise<Transitioned> {
  const [read, row = null, members] = await pipelined(
    tx,
    invitationStep(tx, id),
    updateOneStep(tx, id, change, env.now),
    invitationMembersStep(tx, id),
  );
  authorize(read);
  if (row) {
    const parties = [row.sender_id, row.recipient_id].flatMap((id) => members.find(id) ?? []);
    await closingEffects(tx, [row], change, env, parties);
  }
  return { row, members };
}

async function closingEffects(
  tx: Tx,
  rows: readonly ChangedInvitation[],
  change: Closing,
  env: TransitionEnv,
  parties: readonly MemberRow[] = [],
): Promise<void> {
  const ids = rows.map((r) => r.id);
  if (change.kind === 'ignore') {
    await cancelMailForInvitations(tx, ids, env.now.toISOString());
    if (change.reason === 'dont_know') await countDontKnow(tx, rows, env);
  } else {
    // R15, R13, R20, R29: a withdrawal, expiry, block or leaving leaves nothing with the recipient.
    await eraseFromRecipient(tx, rows, env.now, parties);
  }
  const type = isSilent(change) ? null : EVENT_OF[change.kind];
  if (type) await emitWebhookEvents(tx, [{ type, invitations: rows }], env.now, parties);
}

/** R3: an invitation closed because its two members got connected otherwise tells no one. */
function isSilent(change: Closing): boolean {
  return change.kind === 'withdraw' && change.cause === 'connected';
}

/**
 * R3: whenever two members become connected, by any path, every other connection invitation
 * between them, either way, closes silently and leaves both members' lists. `open` is what was
 * open between them once both were locked.
 */
async function closeOthersBetween(
  tx: Tx,
  row: InvitationRow,
  open: readonly InvitationRow[],
  env: TransitionEnv,
): Promise<void> {
  const others = open.filter((r) => r.kind === 'connection' && r.id !== row.id);
  await transition(tx, others, { kind: 'withdraw', cause: 'connected' }, env);
}

/**
 * One invitation, known by its id, accepted if `authorize` lets accept it as it was read
 * (`authorize` throws otherwise; a mutual accept has none, the send's checks having found it
 * open). Its two members are locked, in the id order every send and accept uses so that racing
 * ones cannot deadlock, and what is open between them is read under that lock (R3), in the round
 * trip that reads and changes the invitation; a refusal rolls the change back with the
 * transaction. The change comes before the connection rows, so a second accept racing this one
 * finds the invitation answered (R17) instead of writing a duplicate connection.
 */
export async function acceptOne(
  tx: Tx,
  id: string,
  kind: 'accept' | 'mutual_accept',
  env: TransitionEnv,
  authorize: (read: InvitationRow | undefined) => void = () => undefined,
): Promise<Transitioned> {
  const at = env.now.toISOString();
  const [read, members, openBetween, row] = await pipelined(
    tx,
    invitationStep(tx, id),
    lockInvitationMembersStep(tx, id),
    senderOpenBetweenPartiesStep(tx, id),
    updateOneStep(tx, id, { kind }, env.now),
  );
  authorize(read);
  if (!row) return { row: null, members };
  if (row.kind === 'connection') {
    await connectMembers(
      tx,
      row.recipient_id,
      row.sender_id,
      env.rules.maxConnections,
      at,
      members,
    );
    await closeOthersBetween(tx, row, openBetween, env);
  }
  const target = await acceptTarget(tx, row, at);
  await announceAccept(
    tx,
    row,
    members.get(row.sender_id),
    members.get(row.recipient_id),
    target && { name: target.name },
    env.now,
  );
  const connected =
    row.kind === 'connection'
      ? [{ type: 'connection.created' as const, memberId: row.recipient_id, peerId: row.sender_id }]
      : [];
  await emitWebhookEvents(
    tx,
    [{ type: 'invitation.accepted', invitations: [row] }, ...connected],
    env.now,
    [members.get(row.sender_id), members.get(row.recipient_id)],
  );
  return { row, members };
}

/** R10: what accepting a page or event invitation does, by the module that owns the target. */
function acceptTarget(
  tx: Tx,
  row: InvitationRow,
  at: string,
): Promise<{ id: string; name: string } | null> {
  if (row.kind === 'page') return onPageInvitationAccepted(tx, row, at);
  if (row.kind === 'event') return onEventInvitationAccepted(tx, row, at);
  return Promise.resolve(null);
}

/** R9: enough "I don't know this person" answers restrict the sender, without naming anyone. */
async function countDontKnow(
  tx: Tx,
  rows: readonly ChangedInvitation[],
  env: TransitionEnv,
): Promise<void> {
  const { rules, now } = env;
  const senders = new Set(rows.filter((r) => r.kind === 'connection').map((r) => r.sender_id));
  for (const senderId of senders) {
    const since = addDays(now, -rules.dontKnowWindowDays).toISOString();
    const count = await countDontKnowSince(tx, senderId, since);
    const until = restrictionUntil(count, rules.dontKnowThreshold, now, rules.restrictionDays);
    if (until) await updateMember(tx, senderId, { restricted_until: until.toISOString() });
  }
}
