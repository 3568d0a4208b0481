import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { withdrawnCsv, withdrawnCsvFilename } from './invitation.export.js';

export const withdrawalRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/invitations/withdrawn.csv',
    {
      schema: {
        tags: ['invitations'],
        operationId: 'exportWithdrawnInvitations',
        summary: 'Your past withdrawals as CSV (R18): by you, by clean-up or automatic',
        produces: ['text/csv'],
        response: {
          // A stream at run time; described as the CSV text it carries.
          200: Type.Unsafe<Readable>({
            type: 'string',
            description:
              'columns withdrawnAt, kind, recipientName, recipientHandle, target, sentAt, cause',
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${withdrawnCsvFilename(ctx.clock.now())}"`,
        )
        .header('cache-control', 'no-store')
        .send(Readable.from(withdrawnCsv(ctx.database.db, request.memberId))),
  );
};
