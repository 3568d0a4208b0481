import { memberNotFound } from '../members/member.js';
import { isUniqueViolation, type Db } from '../../db/database.js';
import { decodeCursor, type Page, toPage } from '../../db/pagination.js';
import type { WithdrawCause } from '../../db/tables/invitation.js';
import { DomainError } from '../../lib/errors.js';
import { addDays } from '../../lib/time.js';
import { connectMembers } from '../connections/connect.js';
import { mutualCounts } from '../connections/connection.repository.js';
import { cancelMailForInvitations } from '../outbox/outbox.repository.js';
import type { ServiceDeps } from '../deps.js';
import { toSummary, type MemberSummary } from '../members/member.presenter.js';
import {
  findMemberById,
  findMemberPair,
  findMembersByIds,
  lockMemberAndHandle,
  lockMembers,
  type MemberRow,
  updateMember,
} from '../members/member.repository.js';
import {
  type HowKnown,
  hiddenFromRecipient,
  isPastExpiry,
  type InvitationKind,
  isRestricted,
  weeklyRetryAt,
  weekWindowStart,
  newPendingInvitation,
  normaliseNote,
  resendAvailableAt,
  restrictionUntil,
  SENDER_OPEN_STATUSES,
  STALE_AFTER_DAYS,
  TRANSITION_FROM,
} from './invitation.js';
import { acceptEffects } from './invitation.accept-effects.js';
import { checkConnectionInvite } from './invitation.checks.js';
import { type InviteFacts, loadInviteFacts, overdue } from './invite-facts.js';
import { type CleanupInput, type CleanupResult, withdrawStale } from './invitation.cleanup.js';
import { announceAccept, announceInvitation, eraseFromRecipient } from './invitation.effects.js';
import { emitWebhookEvent } from '../webhooks/webhook.emit.js';
import {
  toDetail,
  toReceived,
  toSent,
  type InvitationDetail,
  type ReceivedInvitation,
  type SentInvitation,
} from './invitation.presenter.js';
import {
  countDontKnowSince,
  countReceived,
  countSenderOpen,
  countSent,
  type CountsByKind,
  expireInvitations,
  findInvitation,
  findTargets,
  insertInvitation,
  type InvitationRow,
  listReceived,
  listSent,
  sentSince,
  setKept,
  transition,
} from './invitation.repository.js';

export interface SendInput {
  to: string;
  note?: string;
  howKnown?: HowKnown;
  email?: string;
}

export type SendResult =
  { status: 'sent'; invitation: SentInvitation } | { status: 'connected'; member: MemberSummary };

export interface Quotas {
  weekly: { limit: number; used: number; remaining: number; renewsAt: string | null };
  open: { limit: number; used: number; remaining: number };
  restriction: { until: string } | null;
}

/** An accepted invitation and its two members' rows, as the accept read them. */
interface Accepted {
  accepted: InvitationRow;
  members: Map<string, MemberRow>;
}

export type CanInvite =
  { ok: true } | { ok: false; code: string; retryAt?: string; reason?: string };

export class InvitationService {
  constructor(private readonly deps: ServiceDeps) {}

  private get rules() {
    return this.deps.rules;
  }

  async send(senderId: string, input: SendInput): Promise<SendResult> {
    const now = this.deps.clock.now();
    const note = normaliseNote(input.note, this.rules.noteMaxLength);
    return this.deps.database.transaction(async (db) => {
      // Locking both members serialises racing sends between the same two people (R3) and
      // every limit counted for the sender (R5, R6).
      const locked = await lockMemberAndHandle(db, senderId, input.to);
      if (!locked.other) throw memberNotFound();
      const sender = locked.member as MemberRow;
      const recipient = locked.other;
      let facts = await loadInviteFacts(db, sender, recipient.id, now);
      const expired = await expireInvitations(
        db,
        overdue(facts, now).map((r) => r.id),
        now.toISOString(),
      );
      await eraseFromRecipient(db, expired, now);
      await emitWebhookEvent(db, { type: 'invitation.expired', invitations: expired }, now);
      const check = () =>
        checkConnectionInvite(this.rules, sender, recipient, facts, now, input.email);
      const { mutual } = check();
      if (mutual) {
        const accepted = await this.acceptInTransaction(
          db,
          mutual,
          TRANSITION_FROM.mutual_accept,
          now,
          'skip',
        );
        if (accepted) return { status: 'connected' as const, member: toSummary(recipient) };
        // Its sender withdrew it while this waited for the lock: no intent is left to match, so
        // this is an ordinary invitation, checked again now that the withdrawal is visible.
        facts = await loadInviteFacts(db, sender, recipient.id, now);
        if (check().mutual) throw new DomainError('invitation_not_open', 'Please try again.');
      }
      const row = await this.createInvitation(db, {
        kind: 'connection',
        sender,
        recipient,
        targetId: '',
        targetName: null,
        note,
        howKnown: input.howKnown ?? null,
        now,
      });
      return {
        status: 'sent' as const,
        invitation: toSent(row, recipient, null, this.resendDate(now)),
      };
    });
  }

  /** R24: whether `viewer` could send a connection invitation to `other` now, and if not, why. */
  canInvite(viewer: MemberRow, other: MemberRow, facts: InviteFacts): CanInvite {
    try {
      checkConnectionInvite(this.rules, viewer, other, facts, this.deps.clock.now());
      return { ok: true };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        ok: false,
        code: error.code,
        ...(error.extras.retryAt ? { retryAt: error.extras.retryAt.toISOString() } : {}),
        ...(error.extras.reason ? { reason: error.extras.reason } : {}),
      };
    }
  }

  /** Writes a new pending invitation of any kind with its notification and mail. */
  async createInvitation(
    db: Db,
    input: {
      kind: InvitationKind;
      sender: MemberRow;
      recipient: MemberRow;
      targetId: string;
      targetName: string | null;
      note: string | null;
      howKnown: string | null;
      now: Date;
    },
  ): Promise<InvitationRow> {
    const row = newPendingInvitation(
      {
        kind: input.kind,
        senderId: input.sender.id,
        recipientId: input.recipient.id,
        targetId: input.targetId,
        note: input.note,
        howKnown: input.howKnown,
        now: input.now,
      },
      this.rules,
    );
    try {
      await insertInvitation(db, row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'invitation_already_open',
          `You have already invited ${input.recipient.name}.`,
        );
      }
      throw error;
    }
    await announceInvitation(db, row, input.sender, input.recipient, input.targetName, input.now);
    await emitWebhookEvent(db, { type: 'invitation.sent', invitations: [row] }, input.now);
    await emitWebhookEvent(db, { type: 'invitation.received', invitations: [row] }, input.now);
    return row;
  }

  async accept(viewerId: string, id: string): Promise<InvitationDetail> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (db) => {
      const row = await this.loadForRecipient(db, viewerId, id, 'accept', now);
      const { accepted, members } = (await this.acceptInTransaction(
        db,
        row,
        TRANSITION_FROM.accept,
        now,
      )) as Accepted;
      return this.detail(db, accepted, 'recipient', members);
    });
  }

  private async acceptInTransaction(
    db: Db,
    row: InvitationRow,
    from: readonly InvitationRow['status'][],
    now: Date,
    ifNoLongerOpen: 'refuse' | 'skip' = 'refuse',
  ): Promise<Accepted | null> {
    const at = now.toISOString();
    // The members' rows first, then the invitation's: the lock order of send (R3), so a racing
    // send and accept cannot deadlock. The state change comes before the connection rows, so a
    // second accept racing this one finds the invitation answered (R17) instead of a duplicate.
    const pair: [string, string] = [row.sender_id, row.recipient_id];
    const locked = row.kind === 'connection' ? await lockMembers(db, pair) : undefined;
    const changed = await transition(db, row.id, from, {
      status: 'accepted',
      responded_at: at,
      updated_at: at,
      remind_at: null,
    });
    if (!changed && ifNoLongerOpen === 'skip') return null;
    if (!changed) await this.refuseStale(db, row.id, 'recipient');
    if (locked) {
      await connectMembers(
        db,
        row.recipient_id,
        row.sender_id,
        this.rules.maxConnections,
        at,
        locked,
      );
    }
    const target = await acceptEffects(db, row, at);
    const members = locked ?? (await findMemberPair(db, pair));
    const accepted = { ...row, status: 'accepted' as const, responded_at: at, updated_at: at };
    await announceAccept(
      db,
      accepted,
      members.get(row.sender_id) as MemberRow,
      members.get(row.recipient_id) as MemberRow,
      target?.name ?? null,
      now,
    );
    await emitWebhookEvent(db, { type: 'invitation.accepted', invitations: [row] }, now);
    if (locked) {
      const event = { memberId: row.recipient_id, peerId: row.sender_id };
      await emitWebhookEvent(db, { type: 'connection.created', ...event }, now);
    }
    return { accepted, members };
  }

  async ignore(viewerId: string, id: string, reason: 'dont_know' | undefined): Promise<void> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    await this.deps.database.transaction(async (db) => {
      const row = await this.loadForRecipient(db, viewerId, id, 'ignore', now);
      const changed = await transition(db, row.id, TRANSITION_FROM.ignore, {
        status: 'ignored',
        responded_at: at,
        updated_at: at,
        ignore_reason: reason ?? null,
        remind_at: null,
      });
      if (!changed) await this.refuseStale(db, row.id, 'recipient');
      await cancelMailForInvitations(db, [row.id], at);
      await emitWebhookEvent(db, { type: 'invitation.ignored', invitations: [row] }, now);
      if (reason === 'dont_know' && row.kind === 'connection')
        await this.countDontKnow(db, row.sender_id, now);
    });
  }

  /** R9: enough "I don't know this person" answers restrict the sender, without naming anyone. */
  private async countDontKnow(db: Db, senderId: string, now: Date): Promise<void> {
    const since = addDays(now, -this.rules.dontKnowWindowDays).toISOString();
    const count = await countDontKnowSince(db, senderId, since);
    const until = restrictionUntil(
      count,
      this.rules.dontKnowThreshold,
      now,
      this.rules.restrictionDays,
    );
    if (until) await updateMember(db, senderId, { restricted_until: until.toISOString() });
  }

  async withdraw(
    viewerId: string,
    id: string,
  ): Promise<{ invitation: InvitationDetail; resendAvailableAt: string }> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (db) => {
      const row = await findInvitation(db, id);
      if (!row || (row.sender_id !== viewerId && row.recipient_id !== viewerId)) throw notFound();
      if (row.sender_id !== viewerId) {
        if (hiddenFromRecipient(row.status) || isPastExpiry(row.expires_at, now)) throw notFound();
        throw new DomainError('forbidden', 'Only the sender can withdraw an invitation.');
      }
      // Past its expiry it is expired (R13), even before the job has marked it: no cooldown.
      if (isPastExpiry(row.expires_at, now)) await this.refuseStale(db, row.id, 'sender');
      const withdrawn = await this.withdrawInTransaction(db, row, 'sender', now);
      if (!withdrawn) await this.refuseStale(db, row.id, 'sender');
      return {
        invitation: await this.detail(
          db,
          { ...row, status: 'withdrawn', withdrawn_at: now.toISOString() },
          'sender',
        ),
        resendAvailableAt: this.resendDate(now).toISOString(),
      };
    });
  }

  /**
   * R14–R16: withdraws one invitation with every effect, inside the caller's transaction.
   * Returns false when it was no longer open, so the caller decides how to answer.
   */
  async withdrawInTransaction(
    db: Db,
    row: InvitationRow,
    cause: WithdrawCause,
    now: Date,
  ): Promise<boolean> {
    const at = now.toISOString();
    const changed = await transition(db, row.id, TRANSITION_FROM.withdraw, {
      status: 'withdrawn',
      withdrawn_at: at,
      withdraw_cause: cause,
      updated_at: at,
      remind_at: null,
    });
    if (changed) await eraseFromRecipient(db, [row.id], now);
    if (changed)
      await emitWebhookEvent(db, { type: 'invitation.withdrawn', invitations: [row] }, now);
    return changed;
  }

  async get(viewerId: string, id: string): Promise<InvitationDetail> {
    const db = this.deps.database.db;
    const found = await findInvitation(db, id);
    if (!found) throw notFound();
    // Past its expiry it has expired (R13), even before the expiry job has marked it so.
    const overdue =
      TRANSITION_FROM.expire.includes(found.status) &&
      isPastExpiry(found.expires_at, this.deps.clock.now());
    const row = overdue ? { ...found, status: 'expired' as const } : found;
    if (row.sender_id === viewerId) return this.detail(db, row, 'sender');
    if (row.recipient_id === viewerId && !hiddenFromRecipient(row.status))
      return this.detail(db, row, 'recipient');
    throw notFound();
  }

  async setKept(viewerId: string, id: string, kept: boolean): Promise<{ kept: boolean }> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (db) => {
      const row = await findInvitation(db, id);
      if (!row || row.sender_id !== viewerId) throw notFound();
      if (!SENDER_OPEN_STATUSES.includes(row.status)) {
        throw new DomainError('invitation_not_open', 'This invitation is no longer open.');
      }
      await setKept(db, id, kept, now.toISOString());
      return { kept };
    });
  }

  async listReceived(
    viewerId: string,
    options: { kind?: InvitationKind; cursor?: string; limit: number },
  ): Promise<Page<ReceivedInvitation>> {
    const db = this.deps.database.db;
    const rows = await listReceived(db, viewerId, {
      kind: options.kind,
      now: this.deps.clock.now().toISOString(),
      after: decodeCursor(options.cursor),
      limit: options.limit,
    });
    const senderIds = rows.map((r) => r.sender_id);
    const [senders, mutual, targets] = await Promise.all([
      findMembersByIds(db, senderIds),
      mutualCounts(db, viewerId, senderIds),
      findTargets(db, rows),
    ]);
    return toPage(
      rows,
      options.limit,
      (r) => ({ key: r.sent_at, id: r.id }),
      (r) =>
        toReceived(
          r,
          senders.get(r.sender_id) as MemberRow,
          mutual.get(r.sender_id) ?? 0,
          targets.get(r.target_id) ?? null,
        ),
    );
  }

  async listSent(
    viewerId: string,
    options: { kind?: InvitationKind; olderThanDays?: number; cursor?: string; limit: number },
  ): Promise<Page<SentInvitation>> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const rows = await listSent(db, viewerId, {
      kind: options.kind,
      sentBefore:
        options.olderThanDays === undefined
          ? undefined
          : addDays(now, -options.olderThanDays).toISOString(),
      now: now.toISOString(),
      after: decodeCursor(options.cursor),
      limit: options.limit,
    });
    const [recipients, targets] = await Promise.all([
      findMembersByIds(
        db,
        rows.map((r) => r.recipient_id),
      ),
      findTargets(db, rows),
    ]);
    const resend = this.resendDate(now);
    return toPage(
      rows,
      options.limit,
      (r) => ({ key: r.sent_at, id: r.id }),
      (r) =>
        toSent(
          r,
          recipients.get(r.recipient_id) as MemberRow,
          targets.get(r.target_id) ?? null,
          resend,
        ),
    );
  }

  async countReceived(viewerId: string): Promise<{ total: number; byKind: CountsByKind }> {
    const byKind = await countReceived(
      this.deps.database.db,
      viewerId,
      this.deps.clock.now().toISOString(),
    );
    return { total: byKind.connection + byKind.page + byKind.event, byKind };
  }

  async countSent(
    viewerId: string,
  ): Promise<{ total: number; byKind: CountsByKind; stale: number }> {
    const now = this.deps.clock.now();
    const { byKind, stale } = await countSent(
      this.deps.database.db,
      viewerId,
      now.toISOString(),
      addDays(now, -STALE_AFTER_DAYS).toISOString(),
    );
    return { total: byKind.connection + byKind.page + byKind.event, byKind, stale };
  }

  /** R18 in one action; see invitation.cleanup.ts. */
  withdrawMany(viewerId: string, input: CleanupInput): Promise<CleanupResult> {
    return withdrawStale(this.deps, viewerId, input, 'cleanup');
  }

  /** What is left of R5 and R6, and R9's restriction, with when each renews. */
  async quotas(memberId: string): Promise<Quotas> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const member = await findMemberById(db, memberId);
    if (!member) throw new DomainError('unauthenticated', 'Your account no longer exists.');
    const [window, open] = await Promise.all([
      sentSince(db, memberId, 'connection', weekWindowStart(now).toISOString()),
      countSenderOpen(db, memberId, now.toISOString()),
    ]);
    const { weeklyInvitationLimit, maxOpenSent } = this.rules;
    return {
      weekly: {
        limit: weeklyInvitationLimit,
        used: window.count,
        remaining: Math.max(0, weeklyInvitationLimit - window.count),
        renewsAt: window.oldest ? weeklyRetryAt(new Date(window.oldest)).toISOString() : null,
      },
      open: { limit: maxOpenSent, used: open, remaining: Math.max(0, maxOpenSent - open) },
      restriction: isRestricted(member.restricted_until, now)
        ? { until: member.restricted_until as string }
        : null,
    };
  }

  private resendDate(now: Date): Date {
    return resendAvailableAt(now, this.rules.resendCooldownDays);
  }

  /** Loads an invitation its recipient wants to answer, refusing as R15 and R17 say. */
  private async loadForRecipient(
    db: Db,
    viewerId: string,
    id: string,
    action: 'accept' | 'ignore',
    now: Date,
  ): Promise<InvitationRow> {
    const row = await findInvitation(db, id);
    if (!row || (row.sender_id !== viewerId && row.recipient_id !== viewerId)) throw notFound();
    if (row.recipient_id !== viewerId) {
      throw new DomainError('forbidden', `Only the recipient can ${action} an invitation.`);
    }
    if (hiddenFromRecipient(row.status) || isPastExpiry(row.expires_at, now)) throw notFound();
    if (!TRANSITION_FROM[action].includes(row.status)) {
      throw new DomainError('invitation_not_open', 'This invitation has already been answered.');
    }
    return row;
  }

  /** A conditional update found the invitation changed by a racing request: say what it became. */
  private async refuseStale(
    db: Db,
    id: string,
    viewerRole: 'sender' | 'recipient',
  ): Promise<never> {
    const row = await findInvitation(db, id);
    if (viewerRole === 'recipient' && (!row || hiddenFromRecipient(row.status))) throw notFound();
    throw new DomainError('invitation_not_open', 'This invitation is no longer open.');
  }

  /** `members` are the sender's and recipient's rows when the caller has them already. */
  private async detail(
    db: Db,
    row: InvitationRow,
    viewerRole: 'sender' | 'recipient',
    known?: Map<string, MemberRow>,
  ): Promise<InvitationDetail> {
    const [members, targets] = await Promise.all([
      known ?? findMemberPair(db, [row.sender_id, row.recipient_id]),
      findTargets(db, [row]),
    ]);
    return toDetail(
      row,
      viewerRole,
      members.get(row.sender_id) as MemberRow,
      members.get(row.recipient_id) as MemberRow,
      targets.get(row.target_id) ?? null,
    );
  }
}

function notFound(): DomainError {
  return new DomainError('invitation_not_found', 'There is no such invitation.');
}
