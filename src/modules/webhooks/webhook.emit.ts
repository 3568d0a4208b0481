/**
 * The one way other modules raise webhook events: inside the transaction of the change, one
 * delivery row per matching webhook, so each event is sent after commit or not at all.
 */
import type { Tx } from '../../db/types.js';
import { newId } from '../../lib/ids.js';
import { findMembersByIds } from '../members/member.service.js';
import {
  activeWebhooksOf,
  type InvitationParties,
  insertDeliveries,
  type WebhookDeliveryRow,
} from './webhook.repository.js';
import {
  CONNECTION_AUDIENCE,
  type ConnectionEventType,
  INVITATION_AUDIENCE,
  type InvitationEventType,
  type WebhookEventType,
} from './webhook.js';

export type WebhookEvent =
  | { type: InvitationEventType; invitations: readonly InvitationParties[] }
  | { type: ConnectionEventType; memberId: string; peerId: string };

/** One member hears of `type`, about `peerId` and perhaps an invitation. */
interface Notice {
  type: WebhookEventType;
  memberId: string;
  peerId: string;
  invitation: InvitationParties | null;
}

function noticesOf(event: WebhookEvent): Notice[] {
  const { type } = event;
  if (!('invitations' in event)) {
    const { memberId, peerId } = event;
    const notices = [{ type, memberId, peerId, invitation: null }];
    if (CONNECTION_AUDIENCE[event.type] === 'both')
      notices.push({ type, memberId: peerId, peerId: memberId, invitation: null });
    return notices;
  }
  const audience = INVITATION_AUDIENCE[event.type];
  return event.invitations.flatMap((invitation) => {
    const toSender = { type, memberId: invitation.sender_id, peerId: invitation.recipient_id };
    const toRecipient = { type, memberId: invitation.recipient_id, peerId: invitation.sender_id };
    const sides =
      audience === 'sender'
        ? [toSender]
        : audience === 'recipient'
          ? [toRecipient]
          : [toSender, toRecipient];
    return sides.map((side) => ({ ...side, invitation }));
  });
}

function subscribedTypes(events: string): WebhookEventType[] {
  const parsed: unknown = JSON.parse(events);
  return Array.isArray(parsed)
    ? parsed.filter((e): e is WebhookEventType => typeof e === 'string')
    : [];
}

/**
 * Writes the deliveries for `events`: one read of the members' webhooks for all of them, and
 * nothing more when no one listens, which is the common case on the request paths.
 */
export async function emitWebhookEvents(
  tx: Tx,
  events: readonly WebhookEvent[],
  now: Date,
): Promise<void> {
  const notices = events.flatMap(noticesOf);
  if (notices.length === 0) return;
  const webhooks = await activeWebhooksOf(tx, [...new Set(notices.map((n) => n.memberId))]);
  const listening = notices.flatMap((notice) =>
    webhooks
      .filter(
        (w) => w.member_id === notice.memberId && subscribedTypes(w.events).includes(notice.type),
      )
      .map((webhook) => ({ notice, webhook })),
  );
  if (listening.length === 0) return;
  const peers = await findMembersByIds(
    tx,
    listening.map((l) => l.notice.peerId),
  );
  const at = now.toISOString();
  const rows: WebhookDeliveryRow[] = listening.map(({ notice, webhook }) => {
    const peer = peers.get(notice.peerId);
    const member = { handle: peer.handle, name: peer.name };
    const data = notice.invitation
      ? {
          invitation: {
            id: notice.invitation.id,
            kind: notice.invitation.kind,
            targetId: notice.invitation.target_id || null,
          },
          member,
        }
      : { member };
    return {
      id: `msg_${newId(now)}`,
      webhook_id: webhook.id,
      type: notice.type,
      payload: JSON.stringify({ type: notice.type, timestamp: at, data }),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      claimed_until: null,
      last_error: null,
      created_at: at,
      delivered_at: null,
    };
  });
  await insertDeliveries(tx, rows);
}
