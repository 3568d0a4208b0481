import { errorResponses, HandleParams, NoContent } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { memberText, trimText } from '../../lib/text.js';
import {
  AdminMembersCount,
  AdminMembersCountQuery,
  AdminMembersPage,
  AdminMembersQuery,
  AuditPage,
  AuditQuery,
  InviteCode,
  InviteCodeBody,
  OptionalReasonBody,
  SuspendBody,
} from './admin.schemas.js';

const tags = ['admin'];

/**
 * An admin's reason as the audit log keeps it: trimmed, and checked as member-written text is,
 * since the Admin page and the log show it.
 */
function checkedReason(reason: string): string {
  return memberText('reason', trimText(reason), { multiline: true });
}

/** An optional reason, checked, or null when none was given. */
function reasonIn(body: { reason?: string } | null): string | null {
  return body?.reason === undefined ? null : checkedReason(body.reason);
}

/** R32: /admin, for admins only; everyone else gets 403 forbidden on every route. */
export const adminRoutes: RoutesPlugin = (ctx) => (app) => {
  // After the body is read (an oversized one is 413 for anyone) and before it is validated.
  app.addHook('preValidation', async (request) => ctx.admin.requireAdmin(request.memberId));

  app.get(
    '/admin/members',
    {
      schema: {
        operationId: 'listAdminMembers',
        tags,
        summary: 'Members with their status and spam signals (admins only)',
        querystring: AdminMembersQuery,
        response: { 200: AdminMembersPage, ...errorResponses },
      },
    },
    async (request) => ctx.admin.listMembers(request.query),
  );

  app.get(
    '/admin/members/count',
    {
      schema: {
        operationId: 'countAdminMembers',
        tags,
        summary: 'How many members a search and status select (admins only)',
        querystring: AdminMembersCountQuery,
        response: { 200: AdminMembersCount, ...errorResponses },
      },
    },
    async (request) => ctx.admin.countMembers(request.query),
  );

  app.post(
    '/admin/members/:handle/suspend',
    {
      schema: {
        operationId: 'suspendMember',
        tags,
        summary: 'Suspend a member; their open sent invitations are withdrawn (admins only)',
        params: HandleParams,
        body: SuspendBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.admin.suspend(
        request.memberId,
        request.params.handle,
        checkedReason(request.body.reason),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/members/:handle/unsuspend',
    {
      schema: {
        operationId: 'unsuspendMember',
        tags,
        summary: 'End a suspension, saying why if you like (admins only)',
        params: HandleParams,
        body: OptionalReasonBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.admin.unsuspend(request.memberId, request.params.handle, reasonIn(request.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/members/:handle/lift-restriction',
    {
      schema: {
        operationId: 'liftMemberRestriction',
        tags,
        summary: 'End an R9 invitation restriction early, saying why if you like (admins only)',
        params: HandleParams,
        body: OptionalReasonBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.admin.liftRestriction(
        request.memberId,
        request.params.handle,
        reasonIn(request.body),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/invite-codes',
    {
      schema: {
        operationId: 'createInviteCode',
        tags,
        summary: 'Make an invite code for sign-up by invitation (admins only)',
        body: InviteCodeBody,
        response: { 201: InviteCode, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await ctx.admin.createInviteCode(request.memberId, {
          maxUses: request.body.uses,
          expiresInDays: request.body.expiresInDays,
        }),
      ),
  );

  app.get(
    '/admin/audit',
    {
      schema: {
        operationId: 'listAdminAudit',
        tags,
        summary: 'Every admin action, newest first (admins only)',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => ctx.admin.audit(request.query),
  );
};
