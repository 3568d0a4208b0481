import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, toPage } from '../../db/pagination.js';
import type { AdminAction } from '../../db/tables/operations.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays } from '../../lib/time.js';
import type { ServiceDeps } from '../deps.js';
import { withdrawIds } from '../invitations/invitation.cleanup.js';
import { isRestricted } from '../invitations/invitation.js';
import {
  countDontKnowSince,
  countSenderOpen,
  senderOpenRows,
} from '../invitations/invitation.repository.js';
import { memberNotFound } from '../members/member.js';
import { findMemberById, findMembersByIds, type MemberRow } from '../members/member.repository.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { createInviteCode, type InviteCode } from '../registration/registration.service.js';
import {
  type AdminMemberStatus,
  clearRestriction,
  lockAnyMemberByHandle,
  insertAudit,
  listAudit,
  listMembersForAdmin,
  setMemberRole,
  setSuspension,
  unpinInvitations,
} from './admin.repository.js';

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
    if (member?.role !== 'admin') fail('forbidden', 'Only admins may do this.');
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
    const rows = await listMembersForAdmin(db, {
      q: options.q,
      status: options.status,
      now: at,
      after: decodeCursor(options.cursor)?.key ?? null,
      limit: options.limit,
    });
    const signals = new Map<string, { openSent: number; dontKnowRecent: number }>();
    for (const row of rows.slice(0, options.limit)) {
      const [openSent, dontKnowRecent] = await Promise.all([
        countSenderOpen(db, row.id, at),
        countDontKnowSince(db, row.id, since),
      ]);
      signals.set(row.id, { openSent, dontKnowRecent });
    }
    return toPage(
      rows,
      options.limit,
      (r) => ({ key: r.handle, id: r.id }),
      (r) => ({
        ...toSummary(r),
        email: r.email,
        role: r.role,
        status: statusOf(r, now),
        createdAt: r.created_at,
        restrictedUntil: isRestricted(r.restricted_until, now) ? r.restricted_until : null,
        suspendedAt: r.suspended_at,
        suspensionReason: r.suspension_reason,
        ...(signals.get(r.id) as { openSent: number; dontKnowRecent: number }),
      }),
    );
  }

  /**
   * Suspends a member: they can no longer sign in or use a session or token, others no longer
   * find them, and their open sent invitations are withdrawn with every R15 effect, in one
   * transaction. Like a block's, these withdrawals start no resend cooldown.
   */
  async suspend(adminId: string | null, handle: string, reason: string): Promise<void> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    await this.deps.database.transaction(async (db) => {
      const member = await this.target(db, handle);
      if (member.id === adminId) fail('forbidden', 'Admins cannot suspend themselves.');
      if (member.suspended_at) fail('already_suspended', 'This member is already suspended.');
      await setSuspension(db, member.id, { at, reason });
      const open = await senderOpenRows(db, member.id, at).select('id').execute();
      const ids = open.map((r) => r.id);
      await unpinInvitations(db, ids);
      await withdrawIds(db, ids, 'suspension', now);
      await this.record(db, adminId, 'suspend', member.id, reason, now);
    });
  }

  async unsuspend(adminId: string | null, handle: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (db) => {
      const member = await this.target(db, handle);
      if (!member.suspended_at) fail('not_suspended', 'This member is not suspended.');
      await setSuspension(db, member.id, null);
      await this.record(db, adminId, 'unsuspend', member.id, null, now);
    });
  }

  /** Ends an R9 restriction early. */
  async liftRestriction(adminId: string | null, handle: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (db) => {
      const member = await this.target(db, handle);
      if (!isRestricted(member.restricted_until, now)) {
        fail('not_restricted', 'This member is not restricted.');
      }
      await clearRestriction(db, member.id);
      await this.record(db, adminId, 'lift_restriction', member.id, null, now);
    });
  }

  /** `rapport admin grant|revoke HANDLE`: recorded with no admin, as done on the command line. */
  async setRole(handle: string, role: MemberRow['role']): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (db) => {
      const member = await this.target(db, handle);
      await setMemberRole(db, member.id, role);
      const action = role === 'admin' ? 'grant_admin' : 'revoke_admin';
      await this.record(db, null, action, member.id, null, now);
    });
  }

  async createInviteCode(
    adminId: string | null,
    input: { maxUses: number; expiresInDays: number },
  ): Promise<InviteCode> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (db) => {
      const code = await createInviteCode(db, {
        createdBy: adminId,
        maxUses: input.maxUses,
        expiresAt: addDays(now, input.expiresInDays),
        now,
      });
      await this.record(db, adminId, 'create_invite_code', null, null, now);
      return code;
    });
  }

  async audit(options: { cursor?: string; limit: number }): Promise<Page<AuditEntry>> {
    const db = this.deps.database.db;
    const rows = await listAudit(db, {
      before: decodeCursor(options.cursor),
      limit: options.limit,
    });
    const members = await findMembersByIds(
      db,
      rows.flatMap((r) => [r.admin_id, r.member_id]).filter((id): id is string => id !== null),
    );
    const summary = (id: string | null) => {
      const member = id === null ? undefined : members.get(id);
      return member ? toSummary(member) : null;
    };
    return toPage(
      rows,
      options.limit,
      (r) => ({ key: r.created_at, id: r.id }),
      (r) => ({
        id: r.id,
        action: r.action,
        admin: summary(r.admin_id),
        member: summary(r.member_id),
        reason: r.reason,
        at: r.created_at,
      }),
    );
  }

  private async target(db: Db, handle: string) {
    const member = await lockAnyMemberByHandle(db, handle);
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
  return 'active';
}
