/**
 * Page and event invitations (R21, R22) go to many recipients at once. Each recipient is one
 * atomic send in a transaction of its own, so one refusal never undoes the others; the result
 * gives every recipient's outcome.
 */
import type { RuleConfig } from '../../config.js';
import { type Page, presentPage, type SearchRequest } from '../../db/pagination.js';
import type { Db, Tx } from '../../db/types.js';
import { DomainError, type ErrorCode } from '../../lib/errors.js';
import { isBlockedEitherWay } from '../blocks/block.service.js';
import { areConnected, connectionRows } from '../connections/connection.service.js';
import type { ServiceDeps } from '../deps.js';
import { assertReachable, assertStillIn } from '../members/member.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { type MemberRow } from '../members/member.repository.js';
import { findMemberByHandle, lockMembers } from '../members/member.service.js';
import { checkOpenCap, cooldownRefusal } from './invitation.checks.js';
import { createInvitation, type InvitationTarget, sendTransaction } from './invitation.create.js';
import {
  findOverdueForTarget,
  type InviteeFacts,
  inviteeFacts,
} from './invitation.targets.repository.js';
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
  target: InvitationTarget;
  /** Which of these members already follow or attend the target. */
  joinedAmong(db: Db, memberIds: string[]): Promise<Set<string>>;
  /** The kind's own refusal of one recipient: already following or attending, opted out. */
  refusal(recipient: MemberRow, joined: boolean): DomainError | undefined;
  quota: TargetQuota;
}

/** What a send to one recipient would be refused with, as the API answers it. */
export interface Refusal {
  code: string;
  detail: string;
  retryAt?: string;
}

export interface RecipientResult extends Partial<Refusal> {
  to: string;
  status: 'sent' | 'error';
  invitationId?: string;
}

/** A connection in an invitation picker, with what sending them an invitation now would meet. */
export interface Invitee {
  member: MemberSummary;
  connectedAt: string;
  refusal: Refusal | null;
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
      results.push({ to: handle, status: 'error', ...refusalOf(error) });
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

/**
 * R21, R22: the inviter's connections, a page at a time, each with the refusal a send to them
 * would meet now, so that a picker can say so before anyone is ticked. The quota and the
 * inviter's own open-invitation cap (R6) are the send's to tell: they concern no one row.
 */
export async function listInvitees(
  deps: ServiceDeps,
  senderId: string,
  spec: TargetInvite,
  options: SearchRequest,
): Promise<Page<Invitee>> {
  const db = deps.database.db;
  const page = await connectionRows(db, senderId, options);
  const refusals = await refusalsAmong(
    db,
    deps.rules,
    senderId,
    spec,
    page.items.map((r) => r.peer),
    deps.clock.now(),
  );
  return presentPage(page, (r) => {
    const refusal = refusals.get(r.peer.id);
    return {
      member: toSummary(r.peer),
      connectedAt: r.connectedAt,
      refusal: refusal ? refusalOf(refusal) : null,
    };
  });
}

function refusalOf(error: DomainError): Refusal {
  return {
    code: error.code,
    detail: error.message,
    ...(error.extras.retryAt ? { retryAt: error.extras.retryAt.toISOString() } : {}),
  };
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
    assertStillIn(sender);
    assertReachable(recipient);
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
  const refusal = (await refusalsAmong(db, rules, sender.id, spec, [recipient], now)).get(
    recipient.id,
  );
  if (refusal) throw refusal;
  await checkOpenCap(db, rules, sender.id, now);
}

/**
 * Why each of `recipients` cannot be invited to the target now, in the order a send checks:
 * the kind's own refusals, an open invitation (R1), the inviter's cooldown (R16). Those who can
 * be invited are absent.
 */
async function refusalsAmong(
  db: Db,
  rules: RuleConfig,
  senderId: string,
  spec: TargetInvite,
  recipients: MemberRow[],
  now: Date,
): Promise<Map<string, DomainError>> {
  const ids = recipients.map((r) => r.id);
  const joined = await spec.joinedAmong(db, ids);
  const key = { senderId, kind: spec.kind, targetId: spec.target.id };
  const facts = await inviteeFacts(db, key, ids, now);
  const refusals = new Map<string, DomainError>();
  for (const recipient of recipients) {
    const refusal =
      spec.refusal(recipient, joined.has(recipient.id)) ??
      refusalByFacts(rules, recipient, spec, facts.get(recipient.id), now);
    if (refusal) refusals.set(recipient.id, refusal);
  }
  return refusals;
}

function refusalByFacts(
  rules: RuleConfig,
  recipient: MemberRow,
  spec: TargetInvite,
  fact: InviteeFacts | undefined,
  now: Date,
): DomainError | undefined {
  if (!fact) return undefined;
  if (fact.open) {
    return new DomainError(
      'invitation_already_open',
      `${recipient.name} already has an open invitation to ${spec.target.name}.`,
    );
  }
  return cooldownRefusal(rules, recipient, fact.withdrawnAt, now);
}

function notAConnection(): DomainError {
  return new DomainError('member_not_found', 'None of your connections has that handle.');
}
