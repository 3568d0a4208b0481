import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../http/auth.js';
import {
  errorResponses,
  IdParams,
  NoContent,
  PageOf,
  PageQuery,
} from '../../http/common.schemas.js';
import type { AuthHook, RoutesPlugin } from '../../http/types.js';
import { exportAccount } from './account.export.js';
import type { NewSession } from './account.service.js';
import {
  AccountExport,
  DeleteAccountBody,
  NewToken,
  Session,
  SignedIn,
  SignInBody,
  SignUpBody,
  Token,
  TokenBody,
} from './account.schemas.js';

export const accountRoutes =
  (auth: AuthHook): RoutesPlugin =>
  (ctx) =>
  (app) => {
    const secure = ctx.config.publicUrl.startsWith('https:');
    const setSessionCookie = (reply: FastifyReply, session: NewSession) =>
      reply.setCookie(SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: session.expiresAt,
      });

    app.post(
      '/members',
      {
        config: { rateLimit: 'signUp' },
        schema: {
          tags: ['accounts'],
          operationId: 'signUp',
          security: [],
          summary: 'Sign up; answers signed in',
          body: SignUpBody,
          response: { 201: SignedIn, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { member, session } = await ctx.accounts.signUp(
          request.body,
          request.headers['user-agent'],
        );
        setSessionCookie(reply, session);
        return reply
          .status(201)
          .send({ member: await ctx.members.me(member.id), csrfToken: session.csrfToken });
      },
    );

    app.post(
      '/session',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'signIn',
          security: [],
          summary:
            'Sign in (a new session each time); failures are limited per address and per account (R27)',
          body: SignInBody,
          response: { 200: SignedIn, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { email, password } = request.body;
        const { member, session } = await app.signInLimit.guard(
          request.ip,
          { email },
          'unauthenticated',
          () => ctx.accounts.signIn(email, password, request.headers['user-agent']),
        );
        const previous = request.cookies[SESSION_COOKIE];
        if (previous) await ctx.accounts.signOutSecret(previous);
        setSessionCookie(reply, session);
        return { member: await ctx.members.me(member.id), csrfToken: session.csrfToken };
      },
    );

    app.delete(
      '/session',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'signOut',
          summary: 'Sign out',
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        if (request.sessionId) await ctx.accounts.signOut(request.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/me/tokens',
      {
        onRequest: auth,
        // R28: a token cannot make another, so a leaked one cannot outlive its own revocation.
        config: { sessionOnly: 'Tokens are made from a signed-in session only.' },
        schema: {
          tags: ['accounts'],
          operationId: 'createToken',
          summary: 'Create a personal access token (shown once); only a signed-in browser may',
          body: TokenBody,
          response: { 201: NewToken, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await ctx.accounts.createToken(request.memberId, request.body)),
    );

    app.get(
      '/me/tokens',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'listTokens',
          summary: 'Your personal access tokens, newest first',
          querystring: Type.Object(PageQuery),
          response: { 200: PageOf(Token), ...errorResponses },
        },
      },
      async (request) => ctx.accounts.listTokens(request.memberId, request.query),
    );

    app.delete(
      '/me/tokens/:id',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'deleteToken',
          summary: 'Revoke a token',
          params: IdParams,
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await ctx.accounts.deleteToken(request.memberId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me/sessions',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'listSessions',
          summary: 'Where you are signed in, newest first (R28)',
          querystring: Type.Object(PageQuery),
          response: { 200: PageOf(Session), ...errorResponses },
        },
      },
      async (request) =>
        ctx.accounts.listSessions(request.memberId, request.sessionId, request.query),
    );

    app.delete(
      '/me/sessions/:id',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'endSession',
          summary: 'End one of your sessions (R28)',
          params: IdParams,
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await ctx.accounts.endSession(request.memberId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/me/sessions',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'endOtherSessions',
          summary: 'End every session but this one (R28)',
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await ctx.accounts.endOtherSessions(request.memberId, request.sessionId);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/me',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'deleteAccount',
          summary: 'Leave Rapport: your account and everything of yours goes, at once (R29)',
          body: DeleteAccountBody,
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await app.signInLimit.guard(
          request.ip,
          { memberId: request.memberId },
          'wrong_password',
          () => ctx.leaving.leave(request.memberId, request.body.password),
        );
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me/export',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'exportAccount',
          summary: 'Download everything Rapport holds about you, as you may see it (R30)',
          // A stream at run time; described as the document it carries.
          response: { 200: Type.Unsafe<Readable>(AccountExport), ...errorResponses },
        },
      },
      async (request, reply) => {
        const me = await ctx.members.me(request.memberId);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="rapport-${me.handle}.json"`)
          .header('cache-control', 'no-store')
          .send(Readable.from(exportAccount(ctx, request.memberId, ctx.clock.now())));
      },
    );
  };
