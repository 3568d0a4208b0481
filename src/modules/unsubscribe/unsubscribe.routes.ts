import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../http/types.js';
import { confirmPage, donePage, invalidPage } from './unsubscribe.page.js';

const tags = ['email'];
const querystring = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });

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
        summary: 'A page that confirms an unsubscribe link',
        querystring,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const template = ctx.unsubscribe.read(request.query.token);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!template) return reply.status(400).send(invalidPage());
      return confirmPage(template, request.query.token);
    },
  );

  app.post(
    '/unsubscribe',
    {
      schema: {
        tags,
        summary: 'One-click unsubscribe (RFC 8058): turns one email preference off',
        querystring,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const template = await ctx.unsubscribe.unsubscribe(request.query.token);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!template) return reply.status(400).send(invalidPage());
      return donePage(template);
    },
  );
};
