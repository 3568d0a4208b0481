import { api } from '../../api/client.js';
import type { MemberSummary } from '../../api/types.js';

export type AdminMemberStatus = 'active' | 'unverified' | 'restricted' | 'suspended';

export interface AdminMember extends MemberSummary {
  email: string;
  role: 'member' | 'admin';
  status: AdminMemberStatus;
  createdAt: string;
  restrictedUntil: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  openSent: number;
  dontKnowRecent: number;
}

export type AdminAction =
  | 'grant_admin'
  | 'revoke_admin'
  | 'suspend'
  | 'unsuspend'
  | 'lift_restriction'
  | 'create_invite_code';

export interface AuditEntry {
  id: string;
  action: AdminAction;
  admin: MemberSummary | null;
  member: MemberSummary | null;
  reason: string | null;
  at: string;
}

interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Instance {
  name: string;
  version: string;
  registration: 'open' | 'invite' | 'closed';
}

export const adminKeys = {
  members: (q: string, status: string) => ['admin', 'members', q, status] as const,
  audit: ['admin', 'audit'] as const,
  instance: ['instance'] as const,
};

export const listAdminMembers = (q: string, status: AdminMemberStatus | '') =>
  api.get<PageOf<AdminMember>>('/admin/members', { query: { q, status, limit: 100 } });

export const listAudit = () =>
  api.get<PageOf<AuditEntry>>('/admin/audit', { query: { limit: 50 } });

export const suspendMember = (handle: string, reason: string) =>
  api.post<void>(`/admin/members/${encodeURIComponent(handle)}/suspend`, { reason });

export const unsuspendMember = (handle: string) =>
  api.post<void>(`/admin/members/${encodeURIComponent(handle)}/unsuspend`);

export const liftRestriction = (handle: string) =>
  api.post<void>(`/admin/members/${encodeURIComponent(handle)}/lift-restriction`);

export const getInstance = () => api.get<Instance>('/instance', { redirectOn401: false });
