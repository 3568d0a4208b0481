import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import secureJson from 'secure-json-parse';
import type { AppContext } from './context.js';
import {
  authenticate,
  carryTokenChecks,
  limitReadTokensByBody,
  refuseTokens,
} from './http/auth.js';
import { Problem } from './http/common.schemas.js';
import { registerIdempotency } from './http/idempotency.js';
import { registerMetrics } from './http/metrics.js';
import { registerOpenApi } from './http/openapi.js';
import { pastSignIn } from './http/past-sign-in.js';
import {
  dropEmptyQueryValues,
  refuseBodiesNotRead,
  refuseUnstorableText,
} from './http/input-guard.js';
import { clientErrorHandler, createErrorHandler, routerErrorHandler } from './http/problem.js';
import { registerRateLimits } from './http/rate-limit.js';
import { DomainError } from './lib/errors.js';
import { securityHeaders } from './http/security-headers.js';
import { buildSerializer } from './http/serializers.js';
import { buildValidator } from './http/validators.js';
import type { App } from './http/types.js';
import { Me } from './modules/accounts/account.schemas.js';
import { accountRoutes } from './modules/accounts/account.routes.js';
import { credentialRoutes } from './modules/accounts/credential.routes.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { blockRoutes } from './modules/blocks/block.routes.js';
import { connectionRoutes } from './modules/connections/connection.routes.js';
import { contactRoutes } from './modules/contacts/contact.routes.js';
import { eventRoutes } from './modules/events/event.routes.js';
import { followRoutes } from './modules/follows/follow.routes.js';
import { insightRoutes } from './modules/insights/insight.routes.js';
import {
  InvitationDetail,
  ReceivedInvitation,
  SentInvitation,
} from './modules/invitations/invitation.schemas.js';
import { invitationRoutes } from './modules/invitations/invitation.routes.js';
import { withdrawalRoutes } from './modules/invitations/invitation.withdrawals.routes.js';
import { memberRoutes } from './modules/members/member.routes.js';
import { notificationRoutes } from './modules/notifications/notification.routes.js';
import { mailboxRoutes } from './modules/outbox/mailbox.routes.js';
import { pageRoutes } from './modules/pages/page.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { instanceRoutes } from './modules/system/instance.routes.js';
import { opsRoutes } from './modules/system/ops.routes.js';
import { testClockRoutes } from './modules/system/test-clock.routes.js';
import { unsubscribeRoutes } from './modules/unsubscribe/unsubscribe.routes.js';
import { webhookRoutes } from './modules/webhooks/webhook.routes.js';

export const API_PREFIX = '/api/v1';
const BODY_LIMIT = 1024 * 1024;
/** Operator routes that may be switched off (R34): then they are missing, not a page of the app. */
const OPERATIONS = /^\/(metrics|dev\/|healthz|readyz)/;
const WEB_ROOT = fileURLToPath(new URL('../dist/web/', import.meta.url));

export async function buildApp(ctx: AppContext): Promise<App> {
  const loggerInstance: FastifyBaseLogger = ctx.log;
  const app = Fastify({
    loggerInstance,
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxy(ctx.config.trustProxy),
    frameworkErrors: routerErrorHandler,
    clientErrorHandler,
    // A line per request is for debugging; at info level the log keeps to what an operator acts on.
    logController: new LogController({
      disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace',
    }),
    schemaController: { compilersFactory: { buildValidator, buildSerializer } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(createErrorHandler(ctx.clock));
  app.addHook('preValidation', dropEmptyQueryValues);
  refuseUnstorableText(app);
  refuseBodiesNotRead(app);
  acceptEmptyJsonBodies(app);
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  for (const schema of [Problem, Me, ReceivedInvitation, SentInvitation, InvitationDetail]) {
    app.addSchema(schema);
  }

  await app.register(cookie);
  await registerOpenApi(app);
  securityHeaders(app, ctx.config.publicUrl);
  registerMetrics(app, ctx.config.metricsToken);
  await app.register(opsRoutes(ctx));
  await app.register(mailboxRoutes(ctx));

  const auth = authenticate(ctx.accounts);
  await app.register(
    async (api) => {
      carryTokenChecks(api, ctx.clock);
      await registerRateLimits(api, ctx);
      registerIdempotency(api, ctx.idempotency);
      refuseTokens(api);
      limitReadTokensByBody(api);
      await api.register(accountRoutes(auth)(ctx));
      await api.register(credentialRoutes(auth)(ctx));
      await api.register(testClockRoutes(ctx));
      await api.register(unsubscribeRoutes(ctx));
      await api.register(instanceRoutes(ctx));
      await api.register(async (member) => {
        member.addHook('onRequest', auth);
        for (const routes of [
          memberRoutes,
          invitationRoutes,
          connectionRoutes,
          followRoutes,
          notificationRoutes,
          settingsRoutes,
          blockRoutes,
          contactRoutes,
          withdrawalRoutes,
          pageRoutes,
          eventRoutes,
          insightRoutes,
          webhookRoutes,
          adminRoutes,
        ]) {
          await member.register(routes(ctx));
        }
      });
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    },
    { prefix: API_PREFIX },
  );
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const hasWeb = existsSync(WEB_ROOT + 'index.html');
  if (hasWeb) {
    // Each asset is looked up when it is asked for, as index.html is: a list of files made at
    // start left a server that outlived a rebuild serving the new index.html without its
    // scripts, a blank page. Only /assets/ is the file server's, so that every other path stays
    // the router's: the API's own 404s, and index.html never with the assets' year-long caching.
    await app.register(fastifyStatic, {
      root: WEB_ROOT + 'assets',
      prefix: '/assets/',
      allowedPath: (path) => !path.endsWith('/'),
      index: false,
      maxAge: '1y',
      immutable: true,
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client-side routes get the app; a missing file (an old asset name) stays a 404.
    const isPage =
      request.method === 'GET' &&
      hasWeb &&
      !path.startsWith('/api/') &&
      !OPERATIONS.test(path) &&
      !/\.[a-z0-9]+$/i.test(path);
    if (isPage) {
      const next = await pastSignIn(ctx.accounts, request, path);
      if (next !== null) return reply.redirect(next, 303);
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', WEB_ROOT, { maxAge: 0, immutable: false });
    }
    const allowed = path.startsWith('/api/') ? methodsAt(app, path) : [];
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '));
      throw new DomainError(
        'method_not_allowed',
        `${path} does not take ${request.method}; it takes ${allowed.join(', ')}.`,
      );
    }
    throw new DomainError('not_found', `There is nothing at ${request.method} ${path}.`);
  });
  return app;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods an API path answers, for a 405's Allow header (RFC 9110 §15.5.6). */
function methodsAt(app: App, path: string): string[] {
  return METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
}

/** A hop count trusts that many proxies in front (Fastify's own reading of a number). */
function trustProxy(setting: false | number | string[]) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/**
 * Bodiless POSTs such as /accept are often sent with a JSON content type; an empty body then
 * means "no body" instead of a parse error. Parsing guards against prototype poisoning.
 */
function acceptEmptyJsonBodies(app: App): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body.toString().trim();
    if (text === '') return done(null, null);
    try {
      done(
        null,
        secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }),
      );
    } catch {
      const error = Object.assign(new Error('The request body is not valid JSON.'), {
        statusCode: 400,
        code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      });
      done(error, undefined);
    }
  });
}
