import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { carrying, PendingCheck } from '../db/carried-check.js';
import type { Clock } from '../lib/clock.js';
import { asList } from '../lib/arrays.js';
import { DomainError } from '../lib/errors.js';
import {
  type AccountService,
  csrfMatches,
  invalidToken,
} from '../modules/accounts/account.service.js';
import { problemOf } from './problem.js';

export const SESSION_COOKIE = 'rapport_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a `read` token may do (R28): nothing that changes state. */
const READ_METHODS = new Set(['GET', 'HEAD']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Why a route refuses personal access tokens (R28), as its 403 forbidden says (refuseTokens). */
    sessionOnly?: string;
    /**
     * For a POST that changes nothing when its body says so (a dry run): whether `body` does,
     * so that a read token may make it (R28, judged by limitReadTokensByBody).
     */
    readsOnlyWhen?: (body: unknown) => boolean;
  }
  interface FastifyRequest {
    memberId: string;
    /** Null when the request came with a personal access token. */
    sessionId: string | null;
    /** The session's CSRF token, which `GET /me` gives the web app; null with a token. */
    csrfToken: string | null;
    /** Whether the request came with a `read` token whose scope its body is still to settle. */
    readTokenPending?: boolean;
    /** A token's lookup that the request's first statement is to carry (db/carried-check.ts). */
    tokenCheck?: PendingCheck | null;
  }
}

/**
 * Who is calling: a bearer token (scripts, the CLI) or the session cookie (the web app). A
 * state-changing request authenticated by the cookie must carry the session's CSRF token.
 */
export function authenticate(accounts: AccountService) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const auth = match?.[1] ? await accounts.authenticateToken(match[1]) : null;
      if (!auth) throw invalidToken();
      request.memberId = auth.memberId;
      request.sessionId = null;
      request.csrfToken = null;
      // Before the refusals below: a token the lookup has yet to confirm is answered 401 instead
      // of them once it turns out revoked or expired (carryTokenChecks).
      request.tokenCheck = auth.check && new PendingCheck(auth.check);
      // A route closed to every token refuses a read one as it does the others (refuseTokens).
      const { sessionOnly, readsOnlyWhen } = request.routeOptions.config;
      if (auth.scope === 'read' && !READ_METHODS.has(request.method) && sessionOnly === undefined) {
        if (readsOnlyWhen === undefined) throw readOnly();
        request.readTokenPending = true;
      }
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    const auth = secret ? await accounts.authenticateCookie(secret) : null;
    if (!auth?.session) throw new DomainError('unauthenticated', 'Please sign in.');
    if (
      !SAFE_METHODS.has(request.method) &&
      !csrfMatches(auth.session.csrfToken, headerValue(request, 'x-csrf-token'))
    ) {
      throw new DomainError(
        'csrf_failed',
        'The X-CSRF-Token header is missing or does not match your session.',
      );
    }
    request.memberId = auth.memberId;
    request.sessionId = auth.session.id;
    request.csrfToken = auth.session.csrfToken;
  };
}

function readOnly(): DomainError {
  return new DomainError('insufficient_scope', 'This token may only read.');
}

/**
 * R28: on a route whose config says `readsOnlyWhen`, a read token is judged by the body once it
 * is read: a dry run passes, anything else gets 403 insufficient_scope as on any other write.
 */
export function limitReadTokensByBody(api: FastifyInstance): void {
  api.addHook('onRoute', (route) => {
    const readsOnly = route.config?.readsOnlyWhen;
    if (readsOnly === undefined) return;
    const limit = (request: FastifyRequest): Promise<void> =>
      request.readTokenPending === true && !readsOnly(request.body)
        ? Promise.reject(readOnly())
        : Promise.resolve();
    route.preValidation = [...asList(route.preValidation), limit];
  });
}

/**
 * R28: a route whose config says `sessionOnly` answers every token 403 forbidden, with its
 * reason. The refusal comes where the route's own would: after its body is read and an
 * Idempotency-Key claimed, so a body too large still gets 413 and a reused key 422.
 */
export function refuseTokens(api: FastifyInstance): void {
  api.addHook('onRoute', (route) => {
    const reason = route.config?.sessionOnly;
    if (reason === undefined) return;
    const refuse = (request: FastifyRequest): Promise<void> =>
      request.sessionId === null
        ? Promise.reject(new DomainError('forbidden', reason))
        : Promise.resolve();
    route.preHandler = [...asList(route.preHandler), refuse];
  });
}

/**
 * A token's lookup that travels with the request's first statement: the handler runs with it
 * pending (from after the body is parsed, which would lose it), and no answer leaves before it
 * has said yes; its refusal replaces whatever the handler answered.
 */
export function carryTokenChecks(app: FastifyInstance, clock: Clock): void {
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.tokenCheck) carrying(request.tokenCheck, () => done());
    else done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const check = request.tokenCheck;
    if (!check) {
      done(null, payload);
      return;
    }
    check.settled().then(
      () => done(null, payload),
      (error: unknown) => {
        if (!(error instanceof Error)) return done(new Error(String(error)));
        if (payload instanceof Readable) payload.destroy();
        const { body, headers } = problemOf(error, clock);
        void reply.status(body.status).headers(headers).type('application/problem+json');
        done(null, JSON.stringify(body));
      },
    );
  });
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
