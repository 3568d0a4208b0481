/**
 * What follows a state change, written in the same transaction as the change itself:
 * in-app notifications and outbox mail (SPEC.md §5). Delivery happens after commit.
 */
import type { Db, Tx } from '../../db/types.js';
import { newId } from '../../lib/ids.js';
import type { MemberRow } from '../members/member.repository.js';
import {
  deleteNotificationsForInvitation,
  insertNotification,
} from '../notifications/notification.service.js';
import { cancelMailForInvitations, enqueueMail, pendingMail } from '../outbox/outbox.service.js';
import { takeBackUnsent } from '../webhooks/webhook.emit.js';
import type { InvitationRow } from './invitation.repository.js';

/** What a mail says of the page or event an invitation is to. */
export interface MailTarget {
  name: string;
  /** An event's time and place. */
  event?: { startsAt: string; location: string };
}

export interface MailPayload {
  actorName: string;
  actorHeadline: string;
  actorHandle: string;
  note: string | null;
  kind: InvitationRow['kind'];
  targetName: string | null;
  /** The page or event, for its link; absent from mail queued before it was kept. */
  targetId?: string;
  event?: MailTarget['event'];
}

export function payloadOf(
  actor: MemberRow,
  invitation: InvitationRow,
  target: MailTarget | null,
): string {
  const payload: MailPayload = {
    actorName: actor.name,
    actorHeadline: actor.headline,
    actorHandle: actor.handle,
    note: invitation.note,
    kind: invitation.kind,
    targetName: target?.name ?? null,
    ...(invitation.kind === 'connection' ? {} : { targetId: invitation.target_id }),
    ...(target?.event ? { event: target.event } : {}),
  };
  return JSON.stringify(payload);
}

/** One in-app notification, and the matching mail when the member allows it. */
async function tell(
  db: Db,
  member: MemberRow,
  news: {
    type: 'invitation_received' | 'invitation_accepted';
    template: 'invitation' | 'accepted';
    wantsMail: boolean;
  },
  actor: MemberRow,
  invitation: InvitationRow,
  target: MailTarget | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await insertNotification(db, {
    id: newId(now),
    member_id: member.id,
    type: news.type,
    actor_id: actor.id,
    invitation_id: invitation.id,
    created_at: at,
    read_at: null,
  });
  if (!news.wantsMail) return;
  await enqueueMail(
    db,
    pendingMail(
      {
        id: newId(now),
        recipient_id: member.id,
        to_email: member.email,
        template: news.template,
        invitation_id: invitation.id,
        // Delivery re-checks this, so the mail never outlives the state it is about.
        expects_status: invitation.status,
        payload: payloadOf(actor, invitation, target),
      },
      at,
    ),
  );
}

export async function announceInvitation(
  db: Db,
  invitation: InvitationRow,
  sender: MemberRow,
  recipient: MemberRow,
  target: MailTarget | null,
  now: Date,
): Promise<void> {
  await tell(
    db,
    recipient,
    {
      type: 'invitation_received',
      template: 'invitation',
      wantsMail: recipient.email_on_invitation === 1,
    },
    sender,
    invitation,
    target,
    now,
  );
}

/** R10, R3: the sender learns of an accept, in-app and by email if they allow it. */
export async function announceAccept(
  db: Db,
  invitation: InvitationRow,
  sender: MemberRow,
  acceptor: MemberRow,
  target: MailTarget | null,
  now: Date,
): Promise<void> {
  await cancelMailForInvitations(db, [invitation.id], now.toISOString());
  await tell(
    db,
    sender,
    { type: 'invitation_accepted', template: 'accepted', wantsMail: sender.email_on_accept === 1 },
    acceptor,
    invitation,
    target,
    now,
  );
}

/**
 * R15: after a withdrawal, block or expiry nothing about the invitation reaches its recipient.
 * `read` are members the caller read in this transaction (see `takeBackUnsent`).
 */
export async function eraseFromRecipient(
  tx: Tx,
  invitations: readonly Pick<InvitationRow, 'id' | 'recipient_id'>[],
  now: Date,
  read: readonly MemberRow[],
): Promise<void> {
  const ids = invitations.map((i) => i.id);
  await deleteNotificationsForInvitation(tx, ids);
  await cancelMailForInvitations(tx, ids, now.toISOString());
  await takeBackUnsent(tx, invitations, read);
}
