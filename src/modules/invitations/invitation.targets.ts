/**
 * Page and event invitations (R21, R22) go to many recipients at once. Each recipient is one
 * atomic send in a transaction of its own, so one refusal never undoes the others; the result
 * gives every recipient's outcome.
 */
import type { RuleConfig } from '../../config.js';
import type { Db, Tx } from '../../db/types.js';
import { DomainError, type ErrorCode } from '../../lib/errors.js';
import { isBlockedEitherWay } from '../blocks/block.service.js';
import { areConnected } from '../connections/connection.service.js';
import type { ServiceDeps } from '../deps.js';
import { type MemberRow } from '../members/member.repository.js';
import { findMemberByHandle, lockMembers } from '../members/member.service.js';
import { checkOpenCap } from './invitation.checks.js';
import { createInvitation, sendTransaction } from './invitation.create.js';
import { resendAvailableAt } from './invitation.js';
import { latestCooldownWithdrawal } from './invitation.repository.js';
import { findOpenForTarget, findOverdueForTarget } from './invitation.targets.repository.js';
import { transition } from './invitation.transitions.js';

/** What a target may still send: page credits (R21) or an event's weekly allowance (R22). */
export interface TargetQuota {
  /** The refusal it gives when nothing is left. */
  code: ErrorCode;
  /** Throws that refusal when nothing is left now, before any recipient is tried. */
  ensureAvailable(db: Db, now: Date): Promise<void>;
  /** Takes one unit for one send inside its transaction, or throws that refusal. */
  take(tx: Tx, now: Date): Promise<void>;
}

export interface TargetInvite {
  kind: 'page' | 'event';
  target: { id: string; name: string };
  /** Refusals particular to the kind: already following or attending, opted out. */
  checkRecipient(db: Db, recipient: MemberRow): Promise<void>;
  quota: TargetQuota;
}

export interface RecipientResult {
  to: string;
  status: 'sent' | 'error';
  invitationId?: string;
  code?: string;
  detail?: string;
  retryAt?: string;
}

/**
 * Sends one invitation per distinct handle. When nothing could be sent and the quota is the
 * only reason, the whole request is refused with the quota's error (429 with `retryAt`).
 */
export async function sendTargetInvitations(
  deps: ServiceDeps,
  senderId: string,
  handles: string[],
  spec: TargetInvite,
): Promise<RecipientResult[]> {
  await spec.quota.ensureAvailable(deps.database.db, deps.clock.now());
  const results: RecipientResult[] = [];
  const refusals: DomainError[] = [];
  for (const handle of new Set(handles.map((h) => h.trim().toLowerCase()))) {
    try {
      const invitationId = await sendOne(deps, senderId, handle, spec);
      results.push({ to: handle, status: 'sent', invitationId });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals.push(error);
      results.push({
        to: handle,
        status: 'error',
        code: error.code,
        detail: error.message,
        ...(error.extras.retryAt ? { retryAt: error.extras.retryAt.toISOString() } : {}),
      });
    }
  }
  const [first] = refusals;
  if (
    first &&
    refusals.length === results.length &&
    refusals.every((e) => e.code === spec.quota.code)
  ) {
    throw first;
  }
  return results;
}

async function sendOne(
  deps: ServiceDeps,
  senderId: string,
  handle: string,
  spec: TargetInvite,
): Promise<string> {
  const env = { now: deps.clock.now(), rules: deps.rules };
  const { now } = env;
  return sendTransaction(deps.database, async (tx) => {
    const found = await findMemberByHandle(tx, handle);
    if (!found) throw notAConnection();
    // As for connection invitations: locking both members serialises racing sends to the
    // same recipient (R1) and the sender's open-invitation count (R6).
    const locked = await lockMembers(tx, [senderId, found.id]);
    const sender = locked.get(senderId);
    const recipient = locked.get(found.id);
    const overdue = await findOverdueForTarget(tx, recipient.id, spec.kind, spec.target.id, now);
    await transition(tx, overdue, { kind: 'expire' }, env);
    await checkTargetInvite(tx, deps.rules, sender, recipient, spec, now);
    await spec.quota.take(tx, now);
    const row = await createInvitation(tx, deps.rules, {
      kind: spec.kind,
      sender,
      recipient,
      target: spec.target,
      note: null,
      howKnown: null,
      now,
    });
    return row.id;
  });
}

/** The checks of R21 and R22 for one recipient, before any quota is spent. */
async function checkTargetInvite(
  db: Db,
  rules: RuleConfig,
  sender: MemberRow,
  recipient: MemberRow,
  spec: TargetInvite,
  now: Date,
): Promise<void> {
  if (sender.id === recipient.id) {
    throw new DomainError('cannot_invite_self', 'You cannot invite yourself.');
  }
  // A block is never revealed (R2): a blocked member reads like one who is not a connection.
  if (
    (await isBlockedEitherWay(db, sender.id, recipient.id)) ||
    !(await areConnected(db, sender.id, recipient.id))
  ) {
    throw notAConnection();
  }
  await spec.checkRecipient(db, recipient);
  if (await findOpenForTarget(db, recipient.id, spec.kind, spec.target.id)) {
    throw new DomainError(
      'invitation_already_open',
      `${recipient.name} already has an open invitation to ${spec.target.name}.`,
    );
  }
  const pair = {
    senderId: sender.id,
    recipientId: recipient.id,
    kind: spec.kind,
    targetId: spec.target.id,
  };
  const withdrawnAt = await latestCooldownWithdrawal(db, pair);
  if (withdrawnAt) {
    const retryAt = resendAvailableAt(new Date(withdrawnAt), rules.resendCooldownDays);
    if (retryAt > now) {
      throw new DomainError(
        'resend_cooldown',
        `You withdrew an invitation to ${recipient.name}; you can invite them again from ${retryAt.toISOString()}.`,
        { retryAt },
      );
    }
  }
  await checkOpenCap(db, rules, sender.id, now);
}

function notAConnection(): DomainError {
  return new DomainError('member_not_found', 'None of your connections has that handle.');
}
