/**
 * What members read about invitations (R23, R24, R5/R6 quotas): each list is one keyset page,
 * one hydration of the members and targets it shows, then the presenter.
 */
import type { Db } from '../../db/types.js';
import { type Page, type PageRequest, presentPage } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import type { RowsById } from '../../lib/rows-by-id.js';
import { addDays } from '../../lib/time.js';
import { mutualCounts } from '../connections/connection.service.js';
import type { ServiceDeps } from '../deps.js';
import { accountGone, unverifiedSender } from '../members/member.js';
import { type MemberRow } from '../members/member.repository.js';
import { findMemberById, findMemberPair, findMemberSummaries } from '../members/member.service.js';
import { checkConnectionInvite } from './invitation.checks.js';
import type { InviteFacts } from './invitation.facts.js';
import {
  type InvitationKind,
  isRestricted,
  resendAvailableAt,
  STALE_AFTER_DAYS,
  weeklyRetryAt,
  weekWindowStart,
} from './invitation.js';
import {
  authorizeInvitation,
  effectiveStatus,
  invitationNotFound,
  type ViewerRole,
} from './invitation.policy.js';
import {
  type InvitationDetail,
  type Target,
  type ReceivedInvitation,
  type SentInvitation,
  toDetail,
  toReceived,
  toSent,
} from './invitation.presenter.js';
import {
  countSenderOpen,
  findInvitation,
  type InvitationRow,
  sentSince,
} from './invitation.repository.js';
import {
  countReceived,
  countSent,
  type CountsByKind,
  findInvitationKinds,
  findTargets,
  listEveryInvitationOf,
  listReceived,
  type ListOrder,
  listSent,
  type ReceivedFilter,
} from './invitation.views.repository.js';

/** What an invitation is about: its kind and, for a page or an event, which one. */
export interface InvitationSubject {
  kind: InvitationKind;
  target: Target;
}

/** The subject of each of `ids` that still exists, for lines that mention invitations. */
export async function invitationSubjects(
  db: Db,
  ids: string[],
): Promise<Map<string, InvitationSubject>> {
  const rows = await findInvitationKinds(db, [...new Set(ids)]);
  const targets = await findTargets(db, rows);
  return new Map(
    rows.map((r) => [r.id, { kind: r.kind, target: targets.get(r.target_id) ?? null }]),
  );
}

export interface Quotas {
  weekly: { limit: number; used: number; remaining: number; renewsAt: string | null };
  open: { limit: number; used: number; remaining: number };
  restriction: { until: string } | null;
}

export type CanInvite =
  { ok: true } | { ok: false; code: string; retryAt?: string; reason?: string };

/** One invitation as its viewer may see it; `members` when the caller has read them already. */
export async function presentDetail(
  db: Db,
  row: InvitationRow,
  role: ViewerRole,
  members?: RowsById<MemberRow> | null,
): Promise<InvitationDetail> {
  const [people, targets] = await Promise.all([
    members ?? findMemberPair(db, [row.sender_id, row.recipient_id]),
    findTargets(db, [row]),
  ]);
  return toDetail(
    row,
    role,
    people.get(row.sender_id),
    people.get(row.recipient_id),
    targets.get(row.target_id) ?? null,
  );
}

export class InvitationQueries {
  constructor(
    private readonly deps: ServiceDeps,
    /** R25, for `canInvite`: whether sending needs a verified address. */
    private readonly requireVerifiedEmail: boolean,
  ) {}

  private get db() {
    return this.deps.database.db;
  }

  /** R30: one page of every invitation the member sent or received, each as they may see it. */
  async everyOf(
    memberId: string,
    role: ViewerRole,
    page: PageRequest,
  ): Promise<Page<InvitationDetail>> {
    const now = this.deps.clock.now();
    const rows = await listEveryInvitationOf(this.db, memberId, role, page, now.toISOString());
    const [people, targets] = await Promise.all([
      findMemberSummaries(
        this.db,
        rows.items.flatMap((r) => [r.sender_id, r.recipient_id]),
      ),
      findTargets(this.db, rows.items),
    ]);
    return presentPage(rows, (r) =>
      toDetail(
        { ...r, status: effectiveStatus(r, now) },
        role,
        people.get(r.sender_id),
        people.get(r.recipient_id),
        targets.get(r.target_id) ?? null,
      ),
    );
  }

  async get(viewerId: string, id: string): Promise<InvitationDetail> {
    const found = await findInvitation(this.db, id);
    if (!found) throw invitationNotFound();
    const now = this.deps.clock.now();
    const role = authorizeInvitation(viewerId, 'view', found, now);
    return presentDetail(this.db, { ...found, status: effectiveStatus(found, now) }, role);
  }

  async listReceived(
    viewerId: string,
    options: Partial<Omit<ReceivedFilter, 'now'>> & PageRequest,
  ): Promise<Page<ReceivedInvitation>> {
    const db = this.db;
    const now = this.deps.clock.now().toISOString();
    const filter: ReceivedFilter = {
      kind: options.kind,
      status: options.status ?? 'pending',
      withNote: options.withNote,
      minMutual: options.minMutual,
      order: options.order ?? 'newest',
      now,
    };
    const page = await listReceived(db, viewerId, filter, options);
    const senderIds = page.items.map((r) => r.sender_id);
    const [senders, mutual, targets] = await Promise.all([
      findMemberSummaries(db, senderIds),
      mutualCounts(db, viewerId, senderIds),
      findTargets(db, page.items),
    ]);
    return presentPage(page, (r) =>
      toReceived(
        r,
        senders.get(r.sender_id),
        mutual.get(r.sender_id) ?? 0,
        targets.get(r.target_id) ?? null,
      ),
    );
  }

  async listSent(
    viewerId: string,
    options: {
      kind?: InvitationKind;
      olderThanDays?: number;
      q?: string;
      order?: ListOrder;
    } & PageRequest,
  ): Promise<Page<SentInvitation>> {
    const db = this.db;
    const now = this.deps.clock.now();
    const sentBefore =
      options.olderThanDays === undefined
        ? undefined
        : addDays(now, -options.olderThanDays).toISOString();
    const page = await listSent(
      db,
      viewerId,
      {
        kind: options.kind,
        sentBefore,
        q: options.q,
        order: options.order ?? 'newest',
        now: now.toISOString(),
      },
      options,
    );
    const [recipients, targets] = await Promise.all([
      findMemberSummaries(
        db,
        page.items.map((r) => r.recipient_id),
      ),
      findTargets(db, page.items),
    ]);
    const resend = resendAvailableAt(now, this.deps.rules.resendCooldownDays);
    return presentPage(page, (r) =>
      toSent(r, recipients.get(r.recipient_id), targets.get(r.target_id) ?? null, resend),
    );
  }

  async countReceived(
    viewerId: string,
    filter: { status?: 'pending' | 'ignored'; withNote?: boolean } = {},
  ): Promise<{ total: number; byKind: CountsByKind }> {
    const now = this.deps.clock.now().toISOString();
    const byKind = await countReceived(this.db, viewerId, now, filter);
    return { total: byKind.connection + byKind.page + byKind.event, byKind };
  }

  /** `olderThanDays` and `q` narrow the counts the way they narrow the list (R40). */
  async countSent(
    viewerId: string,
    filter: { olderThanDays?: number; q?: string } = {},
  ): Promise<{ total: number; byKind: CountsByKind; keptByKind: CountsByKind; stale: number }> {
    const now = this.deps.clock.now();
    const { byKind, keptByKind, stale } = await countSent(
      this.db,
      viewerId,
      now.toISOString(),
      addDays(now, -STALE_AFTER_DAYS).toISOString(),
      {
        sentBefore:
          filter.olderThanDays === undefined
            ? undefined
            : addDays(now, -filter.olderThanDays).toISOString(),
        q: filter.q,
      },
    );
    return { total: byKind.connection + byKind.page + byKind.event, byKind, keptByKind, stale };
  }

  /** What is left of R5 and R6, and R9's restriction, with when each renews. */
  async quotas(memberId: string): Promise<Quotas> {
    const db = this.db;
    const now = this.deps.clock.now();
    const member = await findMemberById(db, memberId);
    if (!member) throw accountGone();
    const [window, open] = await Promise.all([
      sentSince(db, memberId, 'connection', weekWindowStart(now).toISOString()),
      countSenderOpen(db, memberId, now.toISOString()),
    ]);
    const { weeklyInvitationLimit, maxOpenSent } = this.deps.rules;
    return {
      weekly: {
        limit: weeklyInvitationLimit,
        used: window.count,
        remaining: Math.max(0, weeklyInvitationLimit - window.count),
        renewsAt: window.oldest ? weeklyRetryAt(new Date(window.oldest)).toISOString() : null,
      },
      open: { limit: maxOpenSent, used: open, remaining: Math.max(0, maxOpenSent - open) },
      restriction:
        member.restricted_until !== null && isRestricted(member.restricted_until, now)
          ? { until: member.restricted_until }
          : null,
    };
  }

  /** R24: whether `viewer` could send a connection invitation to `other` now, and if not, why. */
  canInvite(viewer: MemberRow, other: MemberRow, facts: InviteFacts): CanInvite {
    const unverified = unverifiedSender(viewer, this.requireVerifiedEmail);
    if (unverified) return { ok: false, code: unverified.code };
    try {
      checkConnectionInvite(this.deps.rules, viewer, other, facts, this.deps.clock.now());
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
}

/** What other modules may read about invitations (CONVENTIONS 19). */
export { loadInviteFacts, unsuggestableTo } from './invitation.facts.repository.js';
export { countDontKnowSinceEach, countSenderOpenEach } from './invitation.repository.js';
export { countTargetSentSince } from './invitation.targets.repository.js';
export { countSent } from './invitation.views.repository.js';
