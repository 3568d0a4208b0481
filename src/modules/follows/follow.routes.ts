import { Type } from '@sinclair/typebox';
import {
  errorResponses,
  HandleParams,
  MemberSummary,
  NoContent,
  PageOf,
  PageQuery,
} from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';

const tags = ['follows'];
const FollowPage = PageOf(
  Type.Object({ member: MemberSummary, since: Type.String({ format: 'date-time' }) }),
);

export const followRoutes: RoutesPlugin = (ctx) => (app) => {
  for (const direction of ['following', 'followers'] as const) {
    app.get(
      `/${direction}`,
      {
        schema: {
          tags,
          operationId: direction === 'following' ? 'listFollowing' : 'listFollowers',
          summary: direction === 'following' ? 'Members you follow' : 'Members who follow you',
          querystring: Type.Object(PageQuery),
          response: { 200: FollowPage, ...errorResponses },
        },
      },
      async (request) => ctx.follows.list(request.memberId, direction, request.query),
    );
  }

  app.put(
    '/follows/:handle',
    {
      schema: {
        tags,
        operationId: 'followMember',
        summary: 'Follow a member',
        params: HandleParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.follows.follow(request.memberId, request.params.handle);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/follows/:handle',
    {
      schema: {
        tags,
        operationId: 'unfollowMember',
        summary: 'Stop following a member',
        params: HandleParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.follows.unfollow(request.memberId, request.params.handle);
      return reply.status(204).send(null);
    },
  );
};
