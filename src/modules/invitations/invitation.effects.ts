/**
 * What follows a state change, written in the same transaction as the change itself:
 * in-app notifications and outbox mail (SPEC.md §5). Delivery happens after commit.
 */
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { MemberRow } from '../members/member.repository.js';
import {
  deleteNotificationsForInvitation,
  insertNotification,
} from '../notifications/notification.repository.js';
import { cancelMailForInvitations, enqueueMail } from '../outbox/outbox.repository.js';
import type { InvitationRow } from './invitation.repository.js';

export interface MailPayload {
  actorName: string;
  actorHeadline: string;
  actorHandle: string;
  note: string | null;
  kind: InvitationRow['kind'];
  targetName: string | null;
}

export function payloadOf(
  actor: MemberRow,
  invitation: InvitationRow,
  targetName: string | null,
): string {
  const payload: MailPayload = {
    actorName: actor.name,
    actorHeadline: actor.headline,
    actorHandle: actor.handle,
    note: invitation.note,
    kind: invitation.kind,
    targetName,
  };
  return JSON.stringify(payload);
}

export async function announceInvitation(
  db: Db,
  invitation: InvitationRow,
  sender: MemberRow,
  recipient: MemberRow,
  targetName: string | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await insertNotification(db, {
    id: newId(now),
    member_id: recipient.id,
    type: 'invitation_received',
    actor_id: sender.id,
    invitation_id: invitation.id,
    created_at: at,
    read_at: null,
  });
  if (recipient.email_on_invitation) {
    await enqueueMail(db, {
      id: newId(now),
      recipient_id: recipient.id,
      to_email: recipient.email,
      template: 'invitation',
      invitation_id: invitation.id,
      expects_status: 'pending',
      payload: payloadOf(sender, invitation, targetName),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      claimed_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    });
  }
}

/** R10, R3: the sender learns of an accept, in-app and by email if they allow it. */
export async function announceAccept(
  db: Db,
  invitation: InvitationRow,
  sender: MemberRow,
  acceptor: MemberRow,
  targetName: string | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await cancelMailForInvitations(db, [invitation.id], at);
  await insertNotification(db, {
    id: newId(now),
    member_id: sender.id,
    type: 'invitation_accepted',
    actor_id: acceptor.id,
    invitation_id: invitation.id,
    created_at: at,
    read_at: null,
  });
  if (sender.email_on_accept) {
    await enqueueMail(db, {
      id: newId(now),
      recipient_id: sender.id,
      to_email: sender.email,
      template: 'accepted',
      invitation_id: invitation.id,
      expects_status: 'accepted',
      payload: payloadOf(acceptor, invitation, targetName),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      claimed_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    });
  }
}

/** R15: after a withdrawal, block or expiry nothing about the invitation reaches its recipient. */
export async function eraseFromRecipient(
  db: Db,
  invitationIds: string[],
  now: Date,
): Promise<void> {
  await deleteNotificationsForInvitation(db, invitationIds);
  await cancelMailForInvitations(db, invitationIds, now.toISOString());
}
