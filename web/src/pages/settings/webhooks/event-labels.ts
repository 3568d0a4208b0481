import type { WebhookEvent } from '../../../api/webhooks.js';

/** What each event means, in the words of the member who receives it. */
export const EVENT_LABELS: Record<WebhookEvent, string> = {
  'invitation.sent': 'You sent an invitation',
  'invitation.received': 'You received an invitation',
  'invitation.accepted': 'An invitation of yours was accepted, or you accepted one',
  'invitation.ignored': 'You ignored an invitation',
  'invitation.withdrawn': 'You withdrew an invitation',
  'invitation.expired': 'An invitation you sent expired',
  'connection.created': 'You made a new connection',
  'connection.removed': 'You removed a connection',
};
