import { errorResponses, IdParams, NoContent } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import {
  NewWebhook,
  WebhookAttemptsPage,
  WebhookAttemptsQuery,
  WebhookBody,
  WebhookList,
  WebhooksQuery,
} from './webhook.schemas.js';

const tags = ['webhooks'];

export const webhookRoutes: RoutesPlugin = (ctx) => (app) => {
  app.post(
    '/me/webhooks',
    {
      schema: {
        operationId: 'createWebhook',
        tags,
        summary: 'Create a webhook; its signing secret is shown once (R35)',
        description:
          'The URL must be https and resolve to a public address (400 webhook_url_not_allowed) unless the server allows private networks.',
        body: WebhookBody,
        response: { 201: NewWebhook, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ctx.webhooks.create(request.memberId, request.body)),
  );

  app.get(
    '/me/webhooks',
    {
      schema: {
        operationId: 'listWebhooks',
        tags,
        summary: 'Your webhooks, newest first (R35)',
        querystring: WebhooksQuery,
        response: { 200: WebhookList, ...errorResponses },
      },
    },
    async (request) => ctx.webhooks.list(request.memberId, request.query),
  );

  app.delete(
    '/me/webhooks/:id',
    {
      schema: {
        operationId: 'deleteWebhook',
        tags,
        summary: 'Delete a webhook with its delivery log (R35)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.webhooks.remove(request.memberId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/webhooks/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        tags,
        summary: 'Every delivery attempt of a webhook, newest first (R35)',
        params: IdParams,
        querystring: WebhookAttemptsQuery,
        response: { 200: WebhookAttemptsPage, ...errorResponses },
      },
    },
    async (request) => ctx.webhooks.attempts(request.memberId, request.params.id, request.query),
  );
};
