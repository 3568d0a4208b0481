import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from '../../http/problem.js';
import type { RoutesPlugin } from '../../http/types.js';
import { mailboxPage, mailPage } from './mailbox.page.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * /dev/mailbox: the outbox as a mailbox, with RAPPORT_DEV_MAILBOX=1 while no mail server is
 * configured. Mail holds notes and unsubscribe links, so it answers only requests from this
 * machine; behind a same-host reverse proxy, RAPPORT_TRUST_PROXY makes request.ip the client's.
 */
export const mailboxRoutes: RoutesPlugin = (ctx) => (app) => {
  if (ctx.config.smtpUrl || !ctx.config.devMailbox) return;

  const notHere = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send(
        problem(
          404,
          'not_found',
          `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
        ),
      );

  app.addHook('onRequest', async (request, reply) => {
    if (!LOOPBACK.has(request.ip)) return notHere(request, reply);
    reply.header('cache-control', 'no-store');
  });

  app.get('/dev/mailbox', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(mailboxPage(await ctx.mailbox.recent(100))),
  );

  app.get('/dev/mailbox/:id', { schema: { hide: true, params } }, async (request, reply) => {
    const mail = await ctx.mailbox.show(request.params.id);
    if (!mail) return notHere(request, reply);
    return reply.type('text/html; charset=utf-8').send(mailPage(mail));
  });

  app.get('/dev/mailbox/:id/html', { schema: { hide: true, params } }, async (request, reply) => {
    const mail = await ctx.mailbox.show(request.params.id);
    if (!mail) return notHere(request, reply);
    return reply.type('text/html; charset=utf-8').send(mail.html);
  });
};
