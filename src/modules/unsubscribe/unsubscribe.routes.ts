import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { errorResponses, Problem, problemResponse } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { DomainError } from '../../lib/errors.js';
import { confirmPage, donePage, invalidPage } from './unsubscribe.page.js';

const tags = ['email'];
const querystring = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });
const html = (description: string) => ({ 'text/html': { schema: Type.String({ description }) } });
// A link that is not valid gets a page; a request without a well-formed token, problem details,
// as does one that comes too often (R34's limits) or while the database is away.
const pages = (done: string) => ({
  200: { description: done, content: html(done) },
  400: {
    description: 'The link is not valid, or the request has no well-formed token',
    content: {
      ...html('A page saying the link is not valid'),
      'application/problem+json': { schema: Type.Ref(Problem) },
    },
  },
  429: errorResponses[429],
  503: errorResponses[503],
});

const oneClickForm = Type.String({
  maxLength: 4096,
  description: 'List-Unsubscribe=One-Click, or nothing; only the token in the link counts',
});
// Mail providers post `List-Unsubscribe=One-Click` as a form (RFC 8058); the confirm page posts
// an empty one.
const oneClickBody = {
  content: {
    'application/x-www-form-urlencoded': { schema: oneClickForm },
    'multipart/form-data': { schema: oneClickForm },
  },
};

/**
 * A link that is not valid: a page for a person, but problem details for a program that asks
 * for JSON and not HTML, as every other refusal under the API is.
 */
function invalidLink(accept: string | undefined, reply: FastifyReply): FastifyReply {
  if (accept && /json/i.test(accept) && !/text\/html/i.test(accept)) {
    throw new DomainError(
      'invalid_token',
      'This unsubscribe link is not valid: it is damaged, or the address has changed since.',
    );
  }
  return reply.status(400).send(invalidPage());
}

/** Outside sign-in: the signed token in the link is the authority (RFC 8058). */
export const unsubscribeRoutes: RoutesPlugin = (ctx) => (app) => {
  // Mail providers post `List-Unsubscribe=One-Click` as a form; only the token matters.
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/unsubscribe',
    {
      schema: {
        tags,
        operationId: 'showUnsubscribe',
        security: [],
        summary: 'A page that confirms an unsubscribe link',
        querystring,
        produces: ['text/html'],
        response: pages('An HTML page asking to confirm'),
      },
    },
    async (request, reply) => {
      const template = ctx.unsubscribe.read(request.query.token);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!template) return invalidLink(request.headers.accept, reply);
      return confirmPage(template, request.query.token);
    },
  );

  app.post(
    '/unsubscribe',
    {
      schema: {
        tags,
        operationId: 'unsubscribe',
        security: [],
        summary: 'One-click unsubscribe (RFC 8058): turns one email preference off',
        querystring,
        body: oneClickBody,
        produces: ['text/html'],
        response: {
          ...pages('An HTML page saying the preference is off'),
          413: problemResponse('The request body is too large'),
        },
      },
    },
    async (request, reply) => {
      const template = await ctx.unsubscribe.unsubscribe(request.query.token);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!template) return invalidLink(request.headers.accept, reply);
      return donePage(template);
    },
  );
};
