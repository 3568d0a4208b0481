import { sql } from 'kysely';
import { UNAVAILABLE_RETRY_SECONDS } from '../../db/errors.js';
import { unavailable } from '../../http/problem.js';
import type { RoutesPlugin } from '../../http/types.js';

export const opsRoutes: RoutesPlugin = (ctx) => async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      // Reads a table, so that on SQLite a file another process holds locked counts as not ready.
      await sql`select 1 from kysely_migration limit 1`.execute(ctx.database.db);
      return { status: 'ready', database: ctx.database.dialect };
    } catch (error) {
      ctx.log.warn({ err: error }, 'database not reachable');
      return reply
        .status(503)
        .header('retry-after', String(UNAVAILABLE_RETRY_SECONDS))
        .type('application/problem+json')
        .send(unavailable());
    }
  });
};
