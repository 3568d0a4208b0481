/**
 * Admin (R32): every call of the Admin page in one place. Like api/types.ts, the shapes are
 * taken from the generated description (schema.d.ts); none is written out by hand.
 */
import { api, call } from '../../api/client.js';
import type { operations } from '../../api/schema.js';

type Responses<Op extends keyof operations> = operations[Op]['responses'];

/** The JSON an operation answers with `Status`. */
type Json<
  Op extends keyof operations,
  Status extends keyof Responses<Op>,
> = Responses<Op>[Status] extends { content: { 'application/json': infer T } } ? T : never;

export type AdminMember = Json<'listAdminMembers', 200>['items'][number];
export type AdminMemberStatus = AdminMember['status'];
export type AuditEntry = Json<'listAdminAudit', 200>['items'][number];
export type AdminAction = AuditEntry['action'];

export const adminKeys = {
  memberLists: ['admin', 'members'] as const,
  members: (q: string, status: string) => ['admin', 'members', q, status] as const,
  memberCount: (q: string, status: string) => ['admin', 'member-count', q, status] as const,
  audit: ['admin', 'audit'] as const,
};

const byHandle = (handle: string) => ({ params: { path: { handle } } });

/** An empty search or status filters nothing, so it stays out of the query. */
export const listAdminMembers = (q: string, status: AdminMemberStatus | '', cursor?: string) =>
  call(() =>
    api.GET('/api/v1/admin/members', {
      params: { query: { q: q || undefined, status: status || undefined, cursor, limit: 100 } },
    }),
  );

export const countAdminMembers = (q: string, status: AdminMemberStatus | '') =>
  call(() =>
    api.GET('/api/v1/admin/members/count', {
      params: { query: { q: q || undefined, status: status || undefined } },
    }),
  );

export const listAudit = (cursor?: string) =>
  call(() => api.GET('/api/v1/admin/audit', { params: { query: { cursor, limit: 50 } } }));

export const suspendMember = (handle: string, reason: string) =>
  call(() =>
    api.POST('/api/v1/admin/members/{handle}/suspend', { ...byHandle(handle), body: { reason } }),
  );

export const unsuspendMember = (handle: string) =>
  call(() => api.POST('/api/v1/admin/members/{handle}/unsuspend', byHandle(handle)));

export const liftRestriction = (handle: string) =>
  call(() => api.POST('/api/v1/admin/members/{handle}/lift-restriction', byHandle(handle)));
