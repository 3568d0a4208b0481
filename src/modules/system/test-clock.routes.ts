import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { DAY_MS } from '../../lib/time.js';

/** Registered only with RAPPORT_TEST_CLOCK=1: tests move time and run due jobs on demand. */
export const testClockRoutes: RoutesPlugin = (ctx) => (app) => {
  const clock = ctx.manualClock;
  if (!clock) return;

  app.post(
    '/test/clock',
    {
      schema: {
        tags: ['testing'],
        operationId: 'setTestClock',
        hide: true,
        summary: 'Set or move the clock (test-clock mode only)',
        body: Type.Object(
          {
            now: Type.Optional(Type.String({ format: 'date-time' })),
            advanceDays: Type.Optional(Type.Number({ minimum: 0, maximum: 36500 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Object({ now: Type.String() }), ...errorResponses },
      },
    },
    (request) => {
      if (request.body.now) clock.set(new Date(request.body.now));
      if (request.body.advanceDays) clock.advance(request.body.advanceDays * DAY_MS);
      return { now: clock.now().toISOString() };
    },
  );

  app.post(
    '/test/jobs/run',
    {
      schema: {
        tags: ['testing'],
        operationId: 'runDueJobs',
        hide: true,
        summary: 'Run every due job and answer when done (test-clock mode only)',
        response: {
          200: Type.Object({
            results: Type.Record(Type.String(), Type.Record(Type.String(), Type.Number())),
          }),
        },
      },
    },
    async () => ({ results: await ctx.jobs.runDue() }),
  );
};
