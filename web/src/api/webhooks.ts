/**
 * Webhooks (R35): every call of the Settings → Webhooks page, in one place. Like types.ts, the
 * shapes are taken from the generated description (schema.d.ts); none is written out by hand.
 */
import { useCursorList } from '../components/use-cursor-list.js';
import { api, call } from './client.js';
import type { operations } from './schema.js';

type Responses<Op extends keyof operations> = operations[Op]['responses'];

/** The JSON an operation answers with `Status`. */
type Json<
  Op extends keyof operations,
  Status extends keyof Responses<Op>,
> = Responses<Op>[Status] extends { content: { 'application/json': infer T } } ? T : never;

export type Webhook = Json<'listWebhooks', 200>['items'][number];
/** The webhook as just made: the only answer that carries its signing secret. */
export type NewWebhook = Json<'createWebhook', 201>;
export type NewWebhookInput =
  operations['createWebhook']['requestBody']['content']['application/json'];
export type WebhookEvent = Webhook['events'][number];
export type WebhookAttempt = Json<'listWebhookDeliveries', 200>['items'][number];

/** Answers its argument, and does not compile while an event the server sends is left out. */
const everyEvent = <const List extends readonly WebhookEvent[]>(
  list: List & ([Exclude<WebhookEvent, List[number]>] extends [never] ? unknown : never),
): List => list;

/** Every event the server sends, in the order the form offers them. */
export const WEBHOOK_EVENTS = everyEvent([
  'invitation.sent',
  'invitation.received',
  'invitation.accepted',
  'invitation.ignored',
  'invitation.withdrawn',
  'invitation.expired',
  'connection.created',
  'connection.removed',
]);

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const createWebhook = (input: NewWebhookInput) =>
  call(() => api.POST('/api/v1/me/webhooks', { body: input }));

export const deleteWebhook = (id: string) =>
  call(() => api.DELETE('/api/v1/me/webhooks/{id}', { params: { path: { id } } }));

const PAGE = 50;

export const listWebhooks = (cursor?: string) =>
  call(() => api.GET('/api/v1/me/webhooks', { params: { query: { cursor, limit: PAGE } } }));

export const listWebhookDeliveries = (id: string, cursor?: string) =>
  call(() =>
    api.GET('/api/v1/me/webhooks/{id}/deliveries', {
      params: { path: { id }, query: { cursor, limit: PAGE } },
    }),
  );

export const useWebhooks = () =>
  useCursorList({ queryKey: webhookKeys.all, fetchPage: listWebhooks });

export const useWebhookDeliveries = (id: string) =>
  useCursorList({
    queryKey: webhookKeys.deliveries(id),
    fetchPage: (cursor) => listWebhookDeliveries(id, cursor),
  });
