import { errorResponses, HandleParams, NoContent } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { BlocksPage, BlocksQuery } from './block.schemas.js';

const tags = ['blocks'];

export const blockRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/blocks',
    {
      schema: {
        tags,
        operationId: 'listBlocks',
        summary: 'Members you have blocked, newest first (R20)',
        querystring: BlocksQuery,
        response: { 200: BlocksPage, ...errorResponses },
      },
    },
    async (request) => ctx.blocks.list(request.memberId, request.query),
  );

  app.put(
    '/blocks/:handle',
    {
      schema: {
        tags,
        operationId: 'blockMember',
        summary: 'Block a member: connection, follows and invitations between you end (R20)',
        description: `After lifting a block you can block the same member again only after ${ctx.config.rules.reblockLockHours} hours (409 reblock_locked).`,
        params: HandleParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.blocks.block(request.memberId, request.params.handle);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/blocks/:handle',
    {
      schema: {
        tags,
        operationId: 'unblockMember',
        summary: 'Lift a block (R20)',
        params: HandleParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.blocks.unblock(request.memberId, request.params.handle);
      return reply.status(204).send(null);
    },
  );
};
