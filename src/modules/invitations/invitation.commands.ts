/**
 * What members do to invitations (R1–R18): each command authorizes with the policy, changes
 * state through the one transition writer, and runs in one transaction.
 */
import { pipelined } from '../../db/pipeline.js';
import type { Tx } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import type { ServiceDeps } from '../deps.js';
import { assertStillIn, memberNotFound, unverifiedSender } from '../members/member.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import type { MemberRow } from '../members/member.repository.js';
import { lockMemberAndHandleStep } from '../members/member.service.js';
import { checkConnectionInvite, isWrongAddress } from './invitation.checks.js';
import { type CleanupInput, type CleanupResult, withdrawStale } from './invitation.cleanup.js';
import { createInvitation, sendTransaction } from './invitation.create.js';
import { overdue } from './invitation.facts.js';
import { inviteFactsByHandleStep, loadInviteFacts } from './invitation.facts.repository.js';
import {
  hiddenFromRecipient,
  type HowKnown,
  normaliseNote,
  resendAvailableAt,
} from './invitation.js';
import {
  authorizeInvitation,
  invitationNotFound,
  invitationNotOpen,
  type InvitationAction,
  type ViewerRole,
} from './invitation.policy.js';
import { type InvitationDetail, type SentInvitation, toSent } from './invitation.presenter.js';
import { presentDetail } from './invitation.queries.js';
import { cancelMailForInvitations } from '../outbox/outbox.service.js';
import {
  findIdsBetween,
  findInvitation,
  findSenderOpenBetween,
  frozenSearchOf,
  type InvitationRow,
  recordEmailAttempt,
  REF_COLUMNS,
  senderOpenForTargets,
  senderOpenInvolving,
  senderOpenRows,
  setKept,
} from './invitation.repository.js';
import {
  acceptOne,
  type Closing,
  closeOne,
  type IgnoreReason,
  transition,
  type TransitionEnv,
} from './invitation.transitions.js';

export interface SendInput {
  to: string;
  note?: string;
  howKnown?: HowKnown;
  email?: string;
}

export interface RespondInput {
  ids: string[];
  action: 'accept' | 'ignore';
  reason?: IgnoreReason;
}

export interface RespondItem {
  id: string;
  outcome: 'accepted' | 'ignored' | 'not_open' | 'refused';
  /** The refusal's code, for `refused` only. */
  code?: string;
}

/**
 * What a batch answer says of one refused id. Whatever the viewer may not answer — gone, never
 * theirs, or their own as sender — reads `not_open` with nothing more, so a batch reveals no
 * more than one answer at a time would (R15, R17, R20); any other refusal keeps its code.
 */
function respondRefusal(error: unknown): Omit<RespondItem, 'id'> {
  // A fault of the server rather than a refusal fails the request, as it would for one answer.
  if (!(error instanceof DomainError) || error.status >= 500) throw error;
  if (NOT_OPEN_CODES.has(error.code)) return { outcome: 'not_open' };
  return { outcome: 'refused', code: error.code };
}

const NOT_OPEN_CODES = new Set<string>([
  'invitation_not_found',
  'invitation_not_open',
  'forbidden',
]);

export type SendResult =
  { status: 'sent'; invitation: SentInvitation } | { status: 'connected'; member: MemberSummary };

export class InvitationCommands {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly requireVerifiedEmail: boolean,
  ) {}

  private env() {
    return { now: this.deps.clock.now(), rules: this.deps.rules };
  }

  async send(senderId: string, input: SendInput): Promise<SendResult> {
    const env = this.env();
    const { now, rules } = env;
    const outcome = await sendTransaction(this.deps.database, async (tx) => {
      // Locking both members serialises racing sends between the same two people (R3) and
      // every limit counted for the sender (R5, R6, R8). The facts are read in the statement
      // after the lock, which waits for it: on PostgreSQL a statement's snapshot is taken when
      // it starts, so they include whatever a racing send committed before letting go.
      const [{ member: sender, other: recipient }, firstFacts] = await pipelined(
        tx,
        lockMemberAndHandleStep(tx, senderId, input.to),
        inviteFactsByHandleStep(tx, senderId, input.to, now, rules),
      );
      assertStillIn(sender);
      // R25 comes first, read from the locked row: a verification racing the send counts whole.
      const unverified = unverifiedSender(sender, this.requireVerifiedEmail);
      if (unverified) throw unverified;
      if (!recipient) throw memberNotFound();
      const note = normaliseNote(input.note, rules.noteMaxLength);
      let facts = firstFacts;
      await transition(tx, overdue(facts, now), { kind: 'expire' }, env);
      const check = () => checkConnectionInvite(rules, sender, recipient, facts, now, input.email);
      let mutual: InvitationRow | null;
      try {
        ({ mutual } = check());
      } catch (error) {
        if (!isWrongAddress(error, input.email)) throw error;
        // R8: a wrong address counts although the send is refused, so the refusal is thrown
        // only once the attempt is committed.
        await recordEmailAttempt(tx, sender.id, recipient.id, now.toISOString());
        return { status: 'refused' as const, error };
      }
      if (mutual) {
        const { row } = await acceptOne(tx, mutual.id, 'mutual_accept', env);
        if (row) return { status: 'connected' as const, member: toSummary(recipient) };
        // Its sender withdrew it while this waited for the lock: no intent is left to match, so
        // this is an ordinary invitation, checked again now that the withdrawal is visible.
        facts = await loadInviteFacts(tx, sender, recipient.id, now, rules);
        if (check().mutual) throw new DomainError('invitation_not_open', 'Please try again.');
      }
      const row = await createInvitation(tx, rules, {
        kind: 'connection',
        sender,
        recipient,
        target: null,
        note,
        howKnown: input.howKnown ?? null,
        now,
      });
      const resend = resendAvailableAt(now, rules.resendCooldownDays);
      return { status: 'sent' as const, invitation: toSent(row, recipient, null, resend) };
    });
    if (outcome.status === 'refused') throw outcome.error;
    return outcome;
  }

  async accept(viewerId: string, id: string): Promise<InvitationDetail> {
    const env = this.env();
    return this.deps.database.transaction(async (tx) => {
      const { row: accepted, members } = await acceptOne(tx, id, 'accept', env, (read) =>
        authorize(viewerId, 'accept', read, env.now),
      );
      if (!accepted) return refuseRaced(tx, id, 'recipient');
      return presentDetail(tx, accepted, 'recipient', members);
    });
  }

  async ignore(viewerId: string, id: string, reason: IgnoreReason | undefined): Promise<void> {
    const env = this.env();
    await this.deps.database.transaction(async (tx) => {
      const change: Closing = { kind: 'ignore', reason: reason ?? null };
      const { row: ignored } = await closeOne(tx, id, change, env, (read) =>
        authorize(viewerId, 'ignore', read, env.now),
      );
      if (!ignored) await refuseRaced(tx, id, 'recipient');
    });
  }

  /**
   * R39: answers each invitation in its own transaction through the same accept and ignore as
   * one at a time, so one refusal leaves the others answered.
   */
  async respond(viewerId: string, input: RespondInput): Promise<{ items: RespondItem[] }> {
    if (input.reason !== undefined && input.action !== 'ignore') {
      throw new DomainError('validation_failed', 'Only an ignore carries a reason.', {
        errors: [{ path: '/reason', message: 'allowed only with action "ignore"' }],
      });
    }
    const items: RespondItem[] = [];
    for (const id of new Set(input.ids)) {
      try {
        if (input.action === 'accept') await this.accept(viewerId, id);
        else await this.ignore(viewerId, id, input.reason);
        items.push({ id, outcome: input.action === 'accept' ? 'accepted' : 'ignored' });
      } catch (error) {
        items.push({ id, ...respondRefusal(error) });
      }
    }
    return { items };
  }

  /** R14–R16: the recipient is not told; the cooldown runs from now. */
  async withdraw(
    viewerId: string,
    id: string,
  ): Promise<{ invitation: InvitationDetail; resendAvailableAt: string }> {
    const env = this.env();
    return this.deps.database.transaction(async (tx) => {
      const change: Closing = { kind: 'withdraw', cause: 'sender' };
      const { row: withdrawn, members } = await closeOne(tx, id, change, env, (read) =>
        authorize(viewerId, 'withdraw', read, env.now),
      );
      if (!withdrawn) return refuseRaced(tx, id, 'sender');
      return {
        invitation: await presentDetail(tx, withdrawn, 'sender', members),
        resendAvailableAt: resendAvailableAt(env.now, env.rules.resendCooldownDays).toISOString(),
      };
    });
  }

  /** R18: a kept invitation is never withdrawn by clean-up or automatic withdrawal. */
  async setKept(viewerId: string, id: string, kept: boolean): Promise<{ kept: boolean }> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (tx) => {
      await this.authorized(tx, viewerId, 'keep', id, now);
      await setKept(tx, id, kept, now.toISOString());
      return { kept };
    });
  }

  /** R18 in one action; see invitation.cleanup.ts. */
  withdrawMany(viewerId: string, input: CleanupInput): Promise<CleanupResult> {
    return withdrawStale(this.deps, viewerId, input, 'cleanup');
  }

  /**
   * R20, inside the block's transaction: the blocker's invitations to the blocked member are
   * withdrawn without a cooldown; the blocked member's become `blocked` — gone for the blocker
   * for good, still pending to their sender, who keeps seeing the blocker as they are now.
   */
  async closeForBlock(tx: Tx, blocker: MemberRow, blockedId: string): Promise<void> {
    const env = this.env();
    const open = await findSenderOpenBetween(tx, blocker.id, blockedId);
    const byBlocker = open.filter((r) => r.sender_id === blocker.id);
    const toBlocker = open.filter((r) => r.sender_id === blockedId);
    await transition(tx, byBlocker, { kind: 'withdraw', cause: 'block' }, env);
    const frozen = { summary: JSON.stringify(toSummary(blocker)), search: frozenSearchOf(blocker) };
    await transition(tx, toBlocker, { kind: 'block', frozen }, env);
    // Mail still waiting about one they answered before (an accept's, to its sender) would tell
    // of a connection the block has just ended, and lead to a profile that now answers 404.
    const answered = await findIdsBetween(tx, blocker.id, blockedId);
    await cancelMailForInvitations(tx, answered, env.now.toISOString());
  }

  private async authorized(
    tx: Tx,
    viewerId: string,
    action: InvitationAction,
    id: string,
    now: Date,
  ): Promise<InvitationRow> {
    const row = await findInvitation(tx, id);
    authorize(viewerId, action, row, now);
    return row;
  }
}

/** Throws unless `viewerId` may take `action` on the invitation read, which may not exist. */
function authorize(
  viewerId: string,
  action: InvitationAction,
  row: InvitationRow | undefined,
  now: Date,
): asserts row is InvitationRow {
  if (!row) throw invitationNotFound();
  authorizeInvitation(viewerId, action, row, now);
}

/**
 * The conditional update found the invitation changed by a racing request: answer as the
 * viewer may be told (R15, R17).
 */
async function refuseRaced(tx: Tx, id: string, role: ViewerRole): Promise<never> {
  const row = await findInvitation(tx, id);
  if (role === 'recipient' && (!row || hiddenFromRecipient(row.status))) {
    throw invitationNotFound();
  }
  throw invitationNotOpen();
}

/**
 * R32, R29: every invitation the member sent that they still see as open, withdrawn inside the
 * caller's transaction with every R15 effect. Kept ones go too: keeping spares an invitation only
 * from clean-up and automatic withdrawal. The cause starts no resend cooldown.
 */
export async function withdrawEverySent(
  tx: Tx,
  senderId: string,
  cause: 'suspension' | 'leaving',
  env: TransitionEnv,
): Promise<void> {
  const open = await senderOpenRows(tx, senderId, env.now.toISOString())
    .select(REF_COLUMNS)
    .execute();
  await transition(tx, open, { kind: 'withdraw', cause }, env);
}

/**
 * R29, inside the leaving member's transaction, after `withdrawEverySent`: open invitations to
 * pages and events that are about to be deleted are withdrawn with every R15 effect, whoever
 * sent them; then whatever is still open between the member and anyone closes as an expiry
 * does — it leaves its sender's lists and counts, and no one is told.
 */
export async function closeForLeaving(
  tx: Tx,
  memberId: string,
  targets: { kind: 'page' | 'event'; ids: readonly string[] }[],
  env: TransitionEnv,
): Promise<void> {
  await transition(
    tx,
    await senderOpenForTargets(tx, targets),
    { kind: 'withdraw', cause: 'leaving' },
    env,
  );
  await transition(tx, await senderOpenInvolving(tx, memberId), { kind: 'leave' }, env);
}
