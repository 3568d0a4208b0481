/**
 * The one way other modules raise webhook events: inside the transaction of the change, one
 * delivery row per matching webhook, so each event is sent after commit or not at all; and take
 * back, with a withdrawal, expiry or block, what an invitation's recipient was not sent yet.
 */
import type { Tx } from '../../db/types.js';
import { newId } from '../../lib/ids.js';
import { recipientForSender, type SummaryFields } from '../members/member.presenter.js';
import type { MemberRow } from '../members/member.repository.js';
import { findMemberSummaries } from '../members/member.service.js';
import {
  activeWebhooksOf,
  deleteUnsentToRecipients,
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

/** Whether an invitation event goes to its sender, its recipient, or both. */
function sidesOf(type: InvitationEventType): { sender: boolean; recipient: boolean } {
  const audience = INVITATION_AUDIENCE[type];
  return { sender: audience !== 'recipient', recipient: audience !== 'sender' };
}

/** The members `event` goes to, whether or not they listen. */
function audienceOf(event: WebhookEvent): Set<string> {
  if (!('invitations' in event)) {
    const { memberId, peerId } = event;
    return new Set(CONNECTION_AUDIENCE[event.type] === 'both' ? [memberId, peerId] : [memberId]);
  }
  const sides = sidesOf(event.type);
  const members = new Set<string>();
  for (const invitation of event.invitations) {
    if (sides.sender) members.add(invitation.sender_id);
    if (sides.recipient) members.add(invitation.recipient_id);
  }
  return members;
}

/** The notices of `event` for the members in `listening`. */
function noticesOf(event: WebhookEvent, listening: Set<string>): Notice[] {
  const { type } = event;
  if (!('invitations' in event)) {
    const { memberId, peerId } = event;
    const notices = [{ type, memberId, peerId, invitation: null }];
    if (CONNECTION_AUDIENCE[event.type] === 'both')
      notices.push({ type, memberId: peerId, peerId: memberId, invitation: null });
    return notices.filter((n) => listening.has(n.memberId));
  }
  const sides = sidesOf(event.type);
  const notices: Notice[] = [];
  for (const invitation of event.invitations) {
    const { sender_id: sender, recipient_id: recipient } = invitation;
    if (sides.sender && listening.has(sender))
      notices.push({ type, memberId: sender, peerId: recipient, invitation });
    if (sides.recipient && listening.has(recipient))
      notices.push({ type, memberId: recipient, peerId: sender, invitation });
  }
  return notices;
}

/** The peer as the notice's member may see them: a sender sees whom blocked them as they were (R20). */
function peerAsSeen(notice: Notice, peer: SummaryFields): SummaryFields {
  const { invitation } = notice;
  return invitation && notice.memberId === invitation.sender_id
    ? recipientForSender(invitation.frozen_recipient, peer)
    : peer;
}

function subscribedTypes(events: string): WebhookEventType[] {
  const parsed: unknown = JSON.parse(events);
  return Array.isArray(parsed)
    ? parsed.filter((e): e is WebhookEventType => typeof e === 'string')
    : [];
}

/** Of members read in this transaction, those with no working webhook. */
function quietAmong(read: readonly Pick<MemberRow, 'id' | 'active_webhooks'>[]): Set<string> {
  return new Set(read.filter((m) => m.active_webhooks === 0).map((m) => m.id));
}

/**
 * Writes the deliveries for `events`: one read of the members' webhooks for all of them, and
 * nothing more when no one listens, which is the common case on the request paths: then no
 * notice is made, which a clean-up of 10,000 invitations would otherwise make one by one.
 * `read` are member rows the caller read in this transaction: whoever of them has no working
 * webhook is not asked about, so a request among such members reads no webhooks at all.
 */
export async function emitWebhookEvents(
  tx: Tx,
  events: readonly WebhookEvent[],
  now: Date,
  read: readonly Pick<MemberRow, 'id' | 'active_webhooks'>[] = [],
): Promise<void> {
  const quiet = quietAmong(read);
  const audience = new Set<string>();
  for (const event of events)
    for (const member of audienceOf(event)) if (!quiet.has(member)) audience.add(member);
  if (audience.size === 0) return;
  const webhooks = await activeWebhooksOf(tx, [...audience]);
  if (webhooks.length === 0) return;
  const listeners = new Set(webhooks.map((w) => w.member_id));
  // Each webhook's subscriptions read once, not once for every notice it is matched against.
  const subscribed = webhooks.map((webhook) => ({
    webhook,
    types: new Set(subscribedTypes(webhook.events)),
  }));
  const listening = events
    .flatMap((event) => noticesOf(event, listeners))
    .flatMap((notice) =>
      subscribed
        .filter(
          ({ webhook, types }) => webhook.member_id === notice.memberId && types.has(notice.type),
        )
        .map(({ webhook }) => ({ notice, webhook })),
    );
  if (listening.length === 0) return;
  const peers = await findMemberSummaries(
    tx,
    listening.map((l) => l.notice.peerId),
  );
  const at = now.toISOString();
  const rows: WebhookDeliveryRow[] = listening.map(({ notice, webhook }) => {
    const { handle, name } = peerAsSeen(notice, peers.get(notice.peerId));
    const member = { handle, name };
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
      invitation_id: notice.invitation?.id ?? null,
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

/**
 * R15, R20: takes back what the recipients of `invitations` were not sent yet. A recipient among
 * `read` with no working webhook has nothing waiting (turning a webhook off cancels its
 * deliveries, deleting it deletes them), so for such recipients nothing is read.
 */
export async function takeBackUnsent(
  tx: Tx,
  invitations: readonly Pick<InvitationParties, 'id' | 'recipient_id'>[],
  read: readonly Pick<MemberRow, 'id' | 'active_webhooks'>[],
): Promise<void> {
  const quiet = quietAmong(read);
  const ids = invitations.filter((i) => !quiet.has(i.recipient_id)).map((i) => i.id);
  await deleteUnsentToRecipients(tx, ids);
}

export { deleteDeliveries } from './webhook.repository.js';
