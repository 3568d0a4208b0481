import { sql } from 'kysely';
import type { RoutesPlugin } from '../../http/types.js';

export const opsRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.database.db);
      return { status: 'ready', database: ctx.database.dialect };
    } catch (error) {
      ctx.log.warn({ err: error }, 'database not reachable');
      return reply.status(503).type('application/problem+json').send({
        type: 'urn:rapport:problem:service_unavailable',
        title: 'Service unavailable',
        status: 503,
        detail: 'The database is not reachable.',
        code: 'service_unavailable',
      });
    }
  });
};
