import { Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../http/common.schemas.js';
import { WEBHOOK_EVENTS } from './webhook.js';

export const WebhookEventName = Type.Union(
  WEBHOOK_EVENTS.map((e) => Type.Literal(e)),
  { title: 'WebhookEventName' },
);

export const WebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, format: 'uri' }),
    events: Type.Array(WebhookEventName, { minItems: 1, maxItems: WEBHOOK_EVENTS.length }),
  },
  { additionalProperties: false },
);

const webhookFields = {
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(WebhookEventName),
  createdAt: Type.String({ format: 'date-time' }),
  disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Set when deliveries failed for 3 days; the webhook then receives nothing',
  }),
};

export const Webhook = Type.Object(webhookFields, { title: 'Webhook' });

export const NewWebhook = Type.Object(
  {
    ...webhookFields,
    secret: Type.String({
      description: 'whsec_<base64>: verifies the webhook-signature header; shown only here',
    }),
  },
  { title: 'NewWebhook' },
);

export const WebhooksQuery = Type.Object(PageQuery);
export const WebhookList = PageOf(Webhook);

export const WebhookAttempt = Type.Object(
  {
    id: Type.String(),
    deliveryId: Type.String({ description: 'The webhook-id header, the same on every try' }),
    type: WebhookEventName,
    attemptedAt: Type.String({ format: 'date-time' }),
    responseStatus: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The receiver’s HTTP status; null when no answer came',
    }),
    error: Type.Union([Type.String(), Type.Null()]),
    deliveryStatus: Type.Union([
      Type.Literal('pending'),
      Type.Literal('delivered'),
      Type.Literal('failed'),
      Type.Literal('cancelled'),
    ]),
  },
  { title: 'WebhookAttempt' },
);

export const WebhookAttemptsQuery = Type.Object(PageQuery);
export const WebhookAttemptsPage = PageOf(WebhookAttempt);
