import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { errorResponses, IdParams, NoContent } from '../../http/common.schemas.js';
import type { AuthHook, RoutesPlugin } from '../../http/types.js';
import type { NewSession } from './account.service.js';
import { NewToken, SignedIn, SignInBody, SignUpBody, Token, TokenBody } from './account.schemas.js';

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
        const { member, session } = await ctx.accounts.signUp(request.body);
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
        await app.signInLimit.check(request.ip, email);
        const { member, session } = await ctx.accounts
          .signIn(email, password)
          .catch(async (error: unknown) => {
            if (error instanceof DomainError && error.code === 'unauthenticated') {
              await app.signInLimit.failed(request.ip, email);
            }
            throw error;
          });
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
        schema: {
          tags: ['accounts'],
          operationId: 'createToken',
          summary: 'Create a personal access token (shown once)',
          body: TokenBody,
          response: { 201: NewToken, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await ctx.accounts.createToken(request.memberId, request.body.name)),
    );

    app.get(
      '/me/tokens',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'listTokens',
          summary: 'Your personal access tokens',
          response: { 200: Type.Object({ items: Type.Array(Token) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await ctx.accounts.listTokens(request.memberId) }),
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
  };
