import { UNAVAILABLE_RETRY_SECONDS } from '../../db/errors.js';
import { unavailable } from '../../http/problem.js';
import type { RoutesPlugin } from '../../http/types.js';
import { probeDatabase } from './readiness.repository.js';

export const opsRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await probeDatabase(ctx.database);
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
