import { Type } from '@sinclair/typebox';
import {
  errorResponses,
  HandleParams,
  MemberSummary,
  NoContent,
  PageOf,
  SearchQuery,
} from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';

const tags = ['connections'];

export const connectionRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/connections',
    {
      schema: {
        tags,
        operationId: 'listConnections',
        summary: 'Your connections, newest first',
        querystring: SearchQuery,
        response: {
          200: PageOf(
            Type.Object({
              member: MemberSummary,
              connectedAt: Type.String({ format: 'date-time' }),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => ctx.connections.list(request.memberId, request.query),
  );

  app.delete(
    '/connections/:handle',
    {
      schema: {
        tags,
        operationId: 'removeConnection',
        summary: 'Remove a connection (R19)',
        params: HandleParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.connections.remove(request.memberId, request.params.handle);
      return reply.status(204).send(null);
    },
  );
};
