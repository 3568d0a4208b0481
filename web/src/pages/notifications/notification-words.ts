import type { Notification } from '../../api/types.js';
import { invitedToPhrase } from '../invitations/invitation-words.js';

/** What a notification says, naming the page or event a page or event invitation is about. */
export function notificationText(notification: Notification): string {
  const name = notification.actor?.name ?? 'Someone';
  const subject = notification.invitation;
  if (notification.type === 'webhook_disabled') {
    return 'A webhook was turned off: its deliveries failed for 3 days.';
  }
  if (notification.type === 'invitation_accepted') {
    if (!subject || subject.kind === 'connection') {
      return `${name} accepted your invitation to connect. You're now connected.`;
    }
    return `${name} accepted your invitation ${invitedToPhrase(subject.kind, subject.target)}.`;
  }
  return `${name} invited you ${invitedToPhrase(subject?.kind ?? 'connection', subject?.target ?? null)}.`;
}

/** Where a notification leads: the profile, page, event or list it is about. */
export function notificationLink(notification: Notification): string {
  const { actor, invitation } = notification;
  if (notification.type === 'webhook_disabled') return '/settings/webhooks';
  if (invitation?.target && invitation.kind !== 'connection') {
    return `/${invitation.kind === 'page' ? 'pages' : 'events'}/${encodeURIComponent(invitation.target.id)}`;
  }
  // A connection invitation opens its sender's profile, with the note and Accept; among hundreds
  // of invitations the Received list would leave it to be found.
  if (actor) return `/in/${encodeURIComponent(actor.handle)}`;
  if (notification.type === 'invitation_received') return '/mynetwork/invitation-manager/received';
  return '/mynetwork';
}
