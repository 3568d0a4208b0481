/**
 * The one way other modules raise a webhook event: inside the transaction of the change, one
 * delivery row per matching webhook, so the event is sent after commit or not at all.
 */
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { findMembersByIds } from '../members/member.repository.js';
import {
  activeWebhooksOf,
  findInvitationParties,
  type InvitationParties,
  insertDeliveries,
  type WebhookDeliveryRow,
} from './webhook.repository.js';
import {
  CONNECTION_AUDIENCE,
  type ConnectionEventType,
  INVITATION_AUDIENCE,
  type InvitationEventType,
} from './webhook.js';

export type WebhookEvent =
  | {
      type: InvitationEventType;
      /** Invitation rows, or ids when the caller holds only those (batches). */
      invitations: readonly (InvitationParties | string)[];
    }
  | { type: ConnectionEventType; memberId: string; peerId: string };

/** One member hears of `type`, about `peerId` and perhaps an invitation. */
interface Notice {
  memberId: string;
  peerId: string;
  invitation: InvitationParties | null;
}

async function noticesOf(db: Db, event: WebhookEvent): Promise<Notice[]> {
  if (!('invitations' in event)) {
    const { memberId, peerId } = event;
    const notices = [{ memberId, peerId, invitation: null }];
    if (CONNECTION_AUDIENCE[event.type] === 'both')
      notices.push({ memberId: peerId, peerId: memberId, invitation: null });
    return notices;
  }
  const audience = INVITATION_AUDIENCE[event.type];
  const ids = event.invitations.filter((i): i is string => typeof i === 'string');
  const rows = [
    ...event.invitations.filter((i): i is InvitationParties => typeof i !== 'string'),
    ...(await findInvitationParties(db, ids, audience)),
  ];
  return rows.flatMap((invitation) => {
    const toSender = {
      memberId: invitation.sender_id,
      peerId: invitation.recipient_id,
      invitation,
    };
    const toRecipient = {
      memberId: invitation.recipient_id,
      peerId: invitation.sender_id,
      invitation,
    };
    if (audience === 'sender') return [toSender];
    if (audience === 'recipient') return [toRecipient];
    return [toSender, toRecipient];
  });
}

export async function emitWebhookEvent(db: Db, event: WebhookEvent, now: Date): Promise<void> {
  const notices = await noticesOf(db, event);
  const webhooks = (
    await activeWebhooksOf(db, [...new Set(notices.map((n) => n.memberId))])
  ).filter((w) => (JSON.parse(w.events) as string[]).includes(event.type));
  if (webhooks.length === 0) return;
  const peers = await findMembersByIds(
    db,
    notices.map((n) => n.peerId),
  );
  const at = now.toISOString();
  const rows: WebhookDeliveryRow[] = [];
  for (const notice of notices) {
    const peer = peers.get(notice.peerId);
    const member = peer ? { handle: peer.handle, name: peer.name } : null;
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
    const payload = JSON.stringify({ type: event.type, timestamp: at, data });
    for (const webhook of webhooks.filter((w) => w.member_id === notice.memberId)) {
      rows.push({
        id: `msg_${newId(now)}`,
        webhook_id: webhook.id,
        type: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        claimed_until: null,
        last_error: null,
        created_at: at,
        delivered_at: null,
      });
    }
  }
  await insertDeliveries(db, rows);
}
