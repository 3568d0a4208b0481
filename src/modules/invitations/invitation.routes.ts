import { Type } from '@sinclair/typebox';
import { errorResponses, IdParams, NoContent } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { isDryRun } from './invitation.cleanup.js';
import {
  BulkWithdrawBody,
  BulkWithdrawResult,
  IgnoreBody,
  InvitationDetail,
  Kept,
  Quotas,
  ReceivedCount,
  ReceivedCountQuery,
  ReceivedPage,
  ReceivedQuery,
  RespondBody,
  RespondResult,
  SendBody,
  SendResult,
  SentCount,
  SentCountQuery,
  SentInvitation,
  SentPage,
  SentQuery,
  Withdrawn,
} from './invitation.schemas.js';

const tags = ['invitations'];

export const invitationRoutes: RoutesPlugin = (ctx) => (app) => {
  app.post(
    '/invitations',
    {
      config: { rateLimit: 'invite' },
      schema: {
        tags,
        operationId: 'sendInvitation',
        summary: 'Send a connection invitation (R1–R9); 200 when it connects at once (R3)',
        body: SendBody,
        response: { 201: Type.Ref(SentInvitation), 200: SendResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await ctx.invitations.send(request.memberId, request.body);
      if (result.status === 'connected') return reply.status(200).send(result);
      return reply.status(201).send(result.invitation);
    },
  );

  app.get(
    '/invitations/received',
    {
      schema: {
        tags,
        operationId: 'listReceivedInvitations',
        summary: 'Invitations you received, pending or ignored (R23, R38, R40)',
        querystring: ReceivedQuery,
        response: { 200: ReceivedPage, ...errorResponses },
      },
    },
    async (request) => ctx.invitationQueries.listReceived(request.memberId, request.query),
  );

  app.get(
    '/invitations/received/count',
    {
      schema: {
        tags,
        operationId: 'countReceivedInvitations',
        summary: 'Received count ("See all N"), pending or ignored (R23, R38)',
        querystring: ReceivedCountQuery,
        response: { 200: ReceivedCount, ...errorResponses },
      },
    },
    async (request) => ctx.invitationQueries.countReceived(request.memberId, request.query),
  );

  app.get(
    '/invitations/sent',
    {
      schema: {
        tags,
        operationId: 'listSentInvitations',
        summary: 'Your open sent invitations, newest or oldest first (R23, R40)',
        querystring: SentQuery,
        response: { 200: SentPage, ...errorResponses },
      },
    },
    async (request) => ctx.invitationQueries.listSent(request.memberId, request.query),
  );

  app.get(
    '/invitations/sent/count',
    {
      schema: {
        tags,
        operationId: 'countSentInvitations',
        summary:
          'Sent counts, narrowed like the list; keptByKind = those kept, which no clean-up or bulk withdrawal takes; stale = what the clean-up would withdraw (sent 14+ days ago, not kept)',
        querystring: SentCountQuery,
        response: { 200: SentCount, ...errorResponses },
      },
    },
    async (request) => ctx.invitationQueries.countSent(request.memberId, request.query),
  );

  app.post(
    '/invitations/withdraw',
    {
      config: { readsOnlyWhen: isDryRun },
      schema: {
        tags,
        operationId: 'withdrawInvitations',
        summary:
          'Withdraw stale invitations in one action, or preview with dryRun (R18), which a read token may do',
        body: BulkWithdrawBody,
        response: { 200: BulkWithdrawResult, ...errorResponses },
      },
    },
    async (request) => ctx.invitations.withdrawMany(request.memberId, request.body),
  );

  app.post(
    '/invitations/respond',
    {
      schema: {
        operationId: 'respondToInvitations',
        tags,
        summary: 'Accept or ignore up to 100 received invitations, each on its own (R39)',
        body: RespondBody,
        response: { 200: RespondResult, ...errorResponses },
      },
    },
    async (request) => ctx.invitations.respond(request.memberId, request.body),
  );

  app.get(
    '/invitations/:id',
    {
      schema: {
        tags,
        operationId: 'getInvitation',
        summary: 'One invitation as you may see it',
        params: IdParams,
        response: { 200: Type.Ref(InvitationDetail), ...errorResponses },
      },
    },
    async (request) => ctx.invitationQueries.get(request.memberId, request.params.id),
  );

  app.post(
    '/invitations/:id/accept',
    {
      schema: {
        tags,
        operationId: 'acceptInvitation',
        summary: 'Accept (R10)',
        params: IdParams,
        response: {
          200: Type.Object({ invitation: Type.Ref(InvitationDetail) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      invitation: await ctx.invitations.accept(request.memberId, request.params.id),
    }),
  );

  app.post(
    '/invitations/:id/ignore',
    {
      schema: {
        tags,
        operationId: 'ignoreInvitation',
        summary: 'Ignore silently (R11); reason dont_know counts towards R9',
        params: IdParams,
        body: IgnoreBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.invitations.ignore(request.memberId, request.params.id, request.body?.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/invitations/:id/withdraw',
    {
      schema: {
        tags,
        operationId: 'withdrawInvitation',
        summary: 'Withdraw silently (R14–R16)',
        params: IdParams,
        response: { 200: Withdrawn, ...errorResponses },
      },
    },
    async (request) => ctx.invitations.withdraw(request.memberId, request.params.id),
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/invitations/:id/keep',
      schema: {
        tags,
        operationId: method === 'PUT' ? 'keepInvitation' : 'stopKeepingInvitation',
        summary: method === 'PUT' ? 'Keep (pin): clean-up never touches it (R18)' : 'Stop keeping',
        params: IdParams,
        response: { 200: Kept, ...errorResponses },
      },
      handler: async (request) =>
        ctx.invitations.setKept(request.memberId, request.params.id, method === 'PUT'),
    });
  }

  app.get(
    '/me/quotas',
    {
      schema: {
        tags,
        operationId: 'getQuotas',
        summary: 'What is left of the weekly and open-invitation limits',
        response: { 200: Quotas, ...errorResponses },
      },
    },
    async (request) => ctx.invitationQueries.quotas(request.memberId),
  );
};
