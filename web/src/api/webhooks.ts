/** Webhooks (R35): every call of the Settings → Webhooks page, in one place. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { Page } from './types.js';

export const WEBHOOK_EVENTS = [
  'invitation.sent',
  'invitation.received',
  'invitation.accepted',
  'invitation.ignored',
  'invitation.withdrawn',
  'invitation.expired',
  'connection.created',
  'connection.removed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: string;
  disabledAt: string | null;
}

export interface NewWebhook extends Webhook {
  secret: string;
}

export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  type: WebhookEvent;
  attemptedAt: string;
  responseStatus: number | null;
  error: string | null;
  deliveryStatus: 'pending' | 'delivered' | 'failed' | 'cancelled';
}

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const createWebhook = (input: { url: string; events: WebhookEvent[] }) =>
  api.post<NewWebhook>('/me/webhooks', input);

export const deleteWebhook = (id: string) =>
  api.delete<void>(`/me/webhooks/${encodeURIComponent(id)}`);

export const useWebhooks = () =>
  useQuery({
    queryKey: webhookKeys.all,
    queryFn: () => api.get<{ items: Webhook[] }>('/me/webhooks'),
  });

export const useWebhookDeliveries = (id: string) =>
  useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: () =>
      api.get<Page<WebhookAttempt>>(`/me/webhooks/${encodeURIComponent(id)}/deliveries`, {
        query: { limit: 50 },
      }),
  });
