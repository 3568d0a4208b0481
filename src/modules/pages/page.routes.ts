import { Type } from '@sinclair/typebox';
import { errorResponses, PageQuery, SearchQuery } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { InviteeList, TargetInviteBody } from '../invitations/invitation.targets.schemas.js';
import {
  CreatePageBody,
  PageAdminParams,
  PageInviteResult,
  PageList,
  PageParams,
  PageView,
} from './page.schemas.js';

const tags = ['pages'];

export const pageRoutes: RoutesPlugin = (ctx) => (app) => {
  app.post(
    '/pages',
    {
      schema: {
        tags,
        operationId: 'createPage',
        summary: 'Create a page; you become its admin',
        body: CreatePageBody,
        response: { 201: PageView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ctx.pages.create(request.memberId, request.body)),
  );

  app.get(
    '/pages',
    {
      schema: {
        tags,
        operationId: 'listPages',
        summary: 'Pages you admin or follow, newest first',
        querystring: Type.Object(PageQuery),
        response: { 200: PageList, ...errorResponses },
      },
    },
    async (request) => ctx.pages.list(request.memberId, request.query),
  );

  app.get(
    '/pages/:id',
    {
      schema: {
        tags,
        operationId: 'getPage',
        summary: 'A page with its admins; admins also see the credits left (R21)',
        params: PageParams,
        response: { 200: PageView, ...errorResponses },
      },
    },
    async (request) => ctx.pages.get(request.memberId, request.params.id),
  );

  app.put(
    '/pages/:id/admins/:handle',
    {
      schema: {
        tags,
        operationId: 'addPageAdmin',
        summary: 'Make one of your connections an admin (admins only)',
        params: PageAdminParams,
        response: { 200: PageView, ...errorResponses },
      },
    },
    async (request) =>
      ctx.pages.addAdmin(request.memberId, request.params.id, request.params.handle),
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/pages/:id/follow',
      schema: {
        tags,
        operationId: method === 'PUT' ? 'followPage' : 'unfollowPage',
        summary: method === 'PUT' ? 'Follow a page' : 'Stop following a page',
        params: PageParams,
        response: { 200: PageView, ...errorResponses },
      },
      handler: async (request) =>
        method === 'PUT'
          ? ctx.pages.follow(request.memberId, request.params.id)
          : ctx.pages.unfollow(request.memberId, request.params.id),
    });
  }

  app.get(
    '/pages/:id/invitees',
    {
      schema: {
        tags,
        operationId: 'listPageInvitees',
        summary:
          'Your connections, newest first, each with what inviting them' +
          ' to the page now would meet (R21); admins only',
        params: PageParams,
        querystring: SearchQuery,
        response: { 200: InviteeList, ...errorResponses },
      },
    },
    async (request) => ctx.pages.invitees(request.memberId, request.params.id, request.query),
  );

  app.post(
    '/pages/:id/invitations',
    {
      config: { rateLimit: 'invite' },
      // R25: no invitation of any kind before the sender's email is verified.
      preHandler: (request) => ctx.credentials.assertMaySend(request.memberId),
      schema: {
        tags,
        operationId: 'inviteToPage',
        summary:
          'Invite connections to follow the page (R21): one credit each, per-recipient results; ' +
          '429 page_credits_exhausted when no credit is left',
        params: PageParams,
        body: TargetInviteBody,
        response: { 200: PageInviteResult, ...errorResponses },
      },
    },
    async (request) => ctx.pages.invite(request.memberId, request.params.id, request.body.to),
  );
};
