import { existsSync, readFileSync } from 'node:fs';
import { Type } from '@sinclair/typebox';
import { RULE_DEFAULTS } from '../../config.js';
import { errorResponses, problemResponse } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { STALE_AFTER_DAYS } from '../invitations/invitation.js';
import { reachDatabase } from './readiness.repository.js';

/**
 * The version in Rapport's package.json: the nearest one above this file, wherever the code was
 * compiled to (src/, dist/, or a benchmark's build folder).
 */
function packageVersion(): string {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) {
      const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const version: unknown =
        typeof manifest === 'object' && manifest !== null
          ? Reflect.get(manifest, 'version')
          : undefined;
      if (typeof version !== 'string') throw new Error(`${file.pathname} has no version`);
      return version;
    }
    if (dir.pathname === '/') throw new Error('no package.json above the server code');
  }
}

const VERSION = packageVersion();

const ruleProperties = Object.fromEntries(
  Object.entries(RULE_DEFAULTS).map(([key, value]) => [
    key,
    Array.isArray(value) ? Type.Array(Type.Integer()) : Type.Integer(),
  ]),
);

const Instance = Type.Object({
  name: Type.String(),
  version: Type.String(),
  registration: Type.Union([Type.Literal('open'), Type.Literal('invite'), Type.Literal('closed')]),
  requireVerifiedEmail: Type.Boolean({
    description: 'Whether members must verify their email before sending invitations (R25)',
  }),
  rules: Type.Object({ ...ruleProperties, staleAfterDays: Type.Integer() }),
});

/**
 * R31: what a client needs before sign-in: how to register and the instance's rule numbers.
 * Nothing here is read from the database, yet while it cannot be reached this answers 503 like
 * every other API request (R34): a client that sees the instance up would go on to requests that
 * all fail.
 */
export const instanceRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/instance',
    {
      schema: {
        operationId: 'getInstance',
        tags: ['instance'],
        summary: 'The instance: its name, version, registration mode and rule numbers',
        security: [],
        response: {
          200: Instance,
          429: problemResponse('Too many requests; retry after Retry-After'),
          503: errorResponses[503],
        },
      },
    },
    async () => {
      await reachDatabase(ctx.database);
      return {
        name: ctx.config.instanceName,
        version: VERSION,
        registration: ctx.config.registration,
        requireVerifiedEmail: ctx.config.requireVerifiedEmail,
        rules: { ...ctx.config.rules, staleAfterDays: STALE_AFTER_DAYS },
      };
    },
  );
};
