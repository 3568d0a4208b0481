import { errorResponses } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { InsightsView } from './insight.schemas.js';

export const insightRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/insights',
    {
      schema: {
        tags: ['insights'],
        operationId: 'getInsights',
        summary: 'Your invitation figures and network composition',
        response: { 200: InsightsView, ...errorResponses },
      },
    },
    async (request) => ctx.insights.forMember(request.memberId),
  );
};
