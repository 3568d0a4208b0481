import type { Db, Tx } from '../../db/types.js';
import { type Page, presentPage } from '../../db/pagination.js';
import type { AdminAction } from '../../db/tables/operations.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays } from '../../lib/time.js';
import type { ServiceDeps } from '../deps.js';
import { withdrawEverySent } from '../invitations/invitation.commands.js';
import { isRestricted } from '../invitations/invitation.js';
import { countDontKnowSinceEach, countSenderOpenEach } from '../invitations/invitation.queries.js';
import { memberNotFound } from '../members/member.js';
import { type MemberRow } from '../members/member.repository.js';
import { findMemberById, findMemberSummaries } from '../members/member.service.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { createInviteCode, type InviteCode } from '../registration/registration.service.js';
import {
  type AdminMemberStatus,
  clearRestriction,
  countMembersForAdmin,
  lockAnyMemberByHandle,
  insertAudit,
  listAudit,
  listMembersForAdmin,
  setMemberRole,
  setSuspension,
} from './admin.repository.js';
import { hideFromGraph, returnToGraph } from './suspension.repository.js';

export interface AdminMember extends MemberSummary {
  email: string;
  role: MemberRow['role'];
  status: AdminMemberStatus;
  createdAt: string;
  restrictedUntil: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  /** Spam signals (R9): open sent invitations and "I don't know" answers in the window. */
  openSent: number;
  dontKnowRecent: number;
}

export interface AuditEntry {
  id: string;
  action: AdminAction;
  /** null when done on the command line. */
  admin: MemberSummary | null;
  member: MemberSummary | null;
  reason: string | null;
  at: string;
}

/** R32: the admin role, moderation and the audit log. Every action is recorded with it. */
export class AdminService {
  constructor(private readonly deps: ServiceDeps) {}

  async requireAdmin(memberId: string): Promise<void> {
    const member = await findMemberById(this.deps.database.db, memberId);
    if (member?.role !== 'admin') throw new DomainError('forbidden', 'Only admins may do this.');
  }

  /** How many members `listMembers` lists in all for the same search and status. */
  async countMembers(options: {
    q: string;
    status?: AdminMemberStatus;
  }): Promise<{ count: number }> {
    const now = this.deps.clock.now().toISOString();
    return { count: await countMembersForAdmin(this.deps.database.db, { ...options, now }) };
  }

  async listMembers(options: {
    q: string;
    status?: AdminMemberStatus;
    cursor?: string;
    limit: number;
  }): Promise<Page<AdminMember>> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const since = addDays(now, -this.deps.rules.dontKnowWindowDays).toISOString();
    const page = await listMembersForAdmin(db, { ...options, now: at }, options);
    const ids = page.items.map((r) => r.id);
    const [openSent, dontKnowRecent] = await Promise.all([
      countSenderOpenEach(db, ids, at),
      countDontKnowSinceEach(db, ids, since),
    ]);
    return presentPage(page, (r) => ({
      ...toSummary(r),
      email: r.email,
      role: r.role,
      status: statusOf(r, now),
      createdAt: r.created_at,
      restrictedUntil: isRestricted(r.restricted_until, now) ? r.restricted_until : null,
      suspendedAt: r.suspended_at,
      suspensionReason: r.suspension_reason,
      openSent: openSent.get(r.id) ?? 0,
      dontKnowRecent: dontKnowRecent.get(r.id) ?? 0,
    }));
  }

  /**
   * Suspends a member: they can no longer sign in or use a session or token, others no longer
   * find them nor see them among their connections and follows (until the suspension ends), and
   * their open sent invitations are withdrawn with every R15 effect, in one transaction. Like a
   * block's, these withdrawals start no resend cooldown.
   */
  async suspend(adminId: string | null, handle: string, reason: string): Promise<void> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    await this.deps.database.transaction(async (tx) => {
      const member = await this.target(tx, handle);
      if (member.id === adminId)
        throw new DomainError('forbidden', 'Admins cannot suspend themselves.');
      if (member.suspended_at)
        throw new DomainError('already_suspended', 'This member is already suspended.');
      await setSuspension(tx, member.id, { at, reason });
      await withdrawEverySent(tx, member.id, 'suspension', { now, rules: this.deps.rules });
      await hideFromGraph(tx, member.id);
      await this.record(tx, adminId, 'suspend', member.id, reason, now);
    });
  }

  async unsuspend(adminId: string | null, handle: string, reason: string | null): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (tx) => {
      const member = await this.target(tx, handle);
      if (!member.suspended_at)
        throw new DomainError('not_suspended', 'This member is not suspended.');
      await setSuspension(tx, member.id, null);
      await returnToGraph(tx, member.id);
      await this.record(tx, adminId, 'unsuspend', member.id, reason, now);
    });
  }

  /** Ends an R9 restriction early. */
  async liftRestriction(
    adminId: string | null,
    handle: string,
    reason: string | null,
  ): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (tx) => {
      const member = await this.target(tx, handle);
      if (!isRestricted(member.restricted_until, now)) {
        throw new DomainError('not_restricted', 'This member is not restricted.');
      }
      await clearRestriction(tx, member.id);
      await this.record(tx, adminId, 'lift_restriction', member.id, reason, now);
    });
  }

  /** `rapport admin grant|revoke HANDLE`: recorded with no admin, as done on the command line. */
  /** Gives `handle` the `role`; false, with nothing written or audited, when it already has it. */
  async setRole(handle: string, role: MemberRow['role']): Promise<boolean> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (tx) => {
      const member = await this.target(tx, handle);
      if (member.role === role) return false;
      await setMemberRole(tx, member.id, role);
      const action = role === 'admin' ? 'grant_admin' : 'revoke_admin';
      await this.record(tx, null, action, member.id, null, now);
      return true;
    });
  }

  async createInviteCode(
    adminId: string | null,
    input: { maxUses: number; expiresInDays: number },
  ): Promise<InviteCode> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (tx) => {
      const code = await createInviteCode(tx, {
        createdBy: adminId,
        maxUses: input.maxUses,
        expiresAt: addDays(now, input.expiresInDays),
        now,
      });
      await this.record(tx, adminId, 'create_invite_code', null, null, now);
      return code;
    });
  }

  async audit(options: { cursor?: string; limit: number }): Promise<Page<AuditEntry>> {
    const db = this.deps.database.db;
    const page = await listAudit(db, options);
    const members = await findMemberSummaries(
      db,
      page.items
        .flatMap((r) => [r.admin_id, r.member_id])
        .filter((id): id is string => id !== null),
    );
    const summary = (id: string | null) => {
      const member = id === null ? undefined : members.find(id);
      return member ? toSummary(member) : null;
    };
    return presentPage(page, (r) => ({
      id: r.id,
      action: r.action,
      admin: summary(r.admin_id),
      member: summary(r.member_id),
      reason: r.reason,
      at: r.created_at,
    }));
  }

  private async target(tx: Tx, handle: string) {
    const member = await lockAnyMemberByHandle(tx, handle);
    if (!member) throw memberNotFound();
    return member;
  }

  private async record(
    db: Db,
    adminId: string | null,
    action: AdminAction,
    memberId: string | null,
    reason: string | null,
    now: Date,
  ): Promise<void> {
    await insertAudit(db, {
      id: newId(now),
      admin_id: adminId,
      action,
      member_id: memberId,
      reason,
      created_at: now.toISOString(),
    });
  }
}

function statusOf(member: MemberRow, now: Date): AdminMemberStatus {
  if (member.suspended_at) return 'suspended';
  if (isRestricted(member.restricted_until, now)) return 'restricted';
  if (!member.email_verified_at) return 'unverified';
  return 'active';
}
