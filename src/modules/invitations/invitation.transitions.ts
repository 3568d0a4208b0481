/**
 * The one writer of invitation states (SPEC §1, CONVENTIONS 13). Every transition — accept,
 * ignore, withdraw, expire, block, mutual accept — is one conditional UPDATE … RETURNING over
 * the ids, so racing requests end in one outcome, followed by that transition's effects in the
 * same transaction. A single withdrawal is a batch of one.
 */
import type { RuleConfig } from '../../config.js';
import type { WithdrawCause } from '../../db/tables/invitation.js';
import type { Tx } from '../../db/types.js';
import { addDays } from '../../lib/time.js';
import type { RowsById } from '../../lib/rows-by-id.js';
import { connectMembers } from '../connections/connect.js';
import { onEventInvitationAccepted } from '../events/event.invitations.js';
import { type MemberRow } from '../members/member.repository.js';
import { findMemberPair, lockMembers, updateMember } from '../members/member.service.js';
import { cancelMailForInvitations } from '../outbox/outbox.service.js';
import { onPageInvitationAccepted } from '../pages/page.invitations.js';
import type { InvitationEventType } from '../webhooks/webhook.js';
import { emitWebhookEvents } from '../webhooks/webhook.emit.js';
import { announceAccept, eraseFromRecipient } from './invitation.effects.js';
import { restrictionUntil, type Transition } from './invitation.js';
import {
  countDontKnowSince,
  type InvitationRef,
  type InvitationRow,
  updateStatuses,
} from './invitation.repository.js';

export type IgnoreReason = 'dont_know';

export type Change =
  | { kind: 'accept' | 'mutual_accept' | 'expire' | 'block' }
  | { kind: 'ignore'; reason: IgnoreReason | null }
  | { kind: 'withdraw'; cause: WithdrawCause };

export interface TransitionEnv {
  now: Date;
  rules: RuleConfig;
}

export interface Transitioned {
  /** The invitations that changed, as they are now; those no longer in a starting state are absent. */
  rows: InvitationRow[];
  /** An accept's two members, as the accept read them under lock. */
  members: RowsById<MemberRow> | null;
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
};

/**
 * Applies `change` to those of `invitations` still in a state it may start from, then its
 * effects. An accept changes one invitation at a time: it locks the two members first, in the
 * lock order every send and accept uses, so racing sends and accepts cannot deadlock.
 */
export async function transition(
  tx: Tx,
  invitations: readonly InvitationRef[],
  change: Change,
  env: TransitionEnv,
): Promise<Transitioned> {
  if (change.kind === 'accept' || change.kind === 'mutual_accept') {
    const [one] = invitations;
    if (!one || invitations.length > 1) throw new Error('An accept changes one invitation.');
    return accept(tx, one, change.kind, env);
  }
  const rows = await updateStatuses(
    tx,
    invitations.map((i) => i.id),
    change,
    env.now,
  );
  const ids = rows.map((r) => r.id);
  if (change.kind === 'ignore') {
    await cancelMailForInvitations(tx, ids, env.now.toISOString());
    if (change.reason === 'dont_know') await countDontKnow(tx, rows, env);
  } else {
    // R15, R13, R20: a withdrawal, expiry or block leaves nothing with the recipient.
    await eraseFromRecipient(tx, ids, env.now);
  }
  const type = EVENT_OF[change.kind];
  if (type) await emitWebhookEvents(tx, [{ type, invitations: rows }], env.now);
  return { rows, members: null };
}

async function accept(
  tx: Tx,
  invitation: InvitationRef,
  kind: 'accept' | 'mutual_accept',
  env: TransitionEnv,
): Promise<Transitioned> {
  const at = env.now.toISOString();
  const pair: [string, string] = [invitation.sender_id, invitation.recipient_id];
  const locked = invitation.kind === 'connection' ? await lockMembers(tx, pair) : null;
  // The state change comes before the connection rows, so a second accept racing this one
  // finds the invitation answered (R17) instead of writing a duplicate connection.
  const [row] = await updateStatuses(tx, [invitation.id], { kind }, env.now);
  if (!row) return { rows: [], members: locked };
  if (locked) {
    await connectMembers(tx, row.recipient_id, row.sender_id, env.rules.maxConnections, at, locked);
  }
  const target = await acceptTarget(tx, row, at);
  const members = locked ?? (await findMemberPair(tx, pair));
  await announceAccept(
    tx,
    row,
    members.get(row.sender_id),
    members.get(row.recipient_id),
    target?.name ?? null,
    env.now,
  );
  const connected = locked
    ? [{ type: 'connection.created' as const, memberId: row.recipient_id, peerId: row.sender_id }]
    : [];
  await emitWebhookEvents(
    tx,
    [{ type: 'invitation.accepted', invitations: [row] }, ...connected],
    env.now,
  );
  return { rows: [row], members };
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
async function countDontKnow(tx: Tx, rows: InvitationRow[], env: TransitionEnv): Promise<void> {
  const { rules, now } = env;
  const senders = new Set(rows.filter((r) => r.kind === 'connection').map((r) => r.sender_id));
  for (const senderId of senders) {
    const since = addDays(now, -rules.dontKnowWindowDays).toISOString();
    const count = await countDontKnowSince(tx, senderId, since);
    const until = restrictionUntil(count, rules.dontKnowThreshold, now, rules.restrictionDays);
    if (until) await updateMember(tx, senderId, { restricted_until: until.toISOString() });
  }
}
