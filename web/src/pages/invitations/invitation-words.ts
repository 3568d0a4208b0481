/**
 * Words for what an invitation is about, so a page or event invitation is never called an
 * invitation to connect: "to follow the page Acme", "to the event Product breakfast on 12 Dec,
 * Berlin".
 */
import type { InvitationKind, SentInvitation, Target } from '../../api/types.js';
import { hasStarted } from '../events/event-time.js';

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "12 Dec, Berlin" (the year only when it is not this one); empty for a page. */
export function eventWhenWhere(target: Target, now: Date = new Date()): string {
  if (!target) return '';
  const parts: string[] = [];
  if (target.startsAt) {
    const at = new Date(target.startsAt);
    parts.push((at.getFullYear() === now.getFullYear() ? dayMonth : dayMonthYear).format(at));
  }
  if (target.location?.trim()) parts.push(target.location.trim());
  return parts.join(', ');
}

/** "to connect", "to follow the page Acme", "to the event Product breakfast on 12 Dec, Berlin" */
export function invitedToPhrase(kind: InvitationKind, target: Target): string {
  if (kind === 'page') return `to follow ${target ? `the page ${target.name}` : 'a page'}`;
  if (kind === 'event') {
    if (!target) return 'to an event';
    const when = eventWhenWhere(target);
    return `to the event ${target.name}${when ? ` on ${when}` : ''}`;
  }
  return 'to connect';
}

/**
 * The line under a page or event invitation in a list: "Invited to Product breakfast · 12 Dec,
 * Berlin", and "· past event" once the event has begun, as the event's own page says, so that
 * nobody accepts or keeps an invitation to something that is over without knowing.
 */
export function invitedToLine(
  kind: InvitationKind,
  target: Target,
  you = false,
  now: Date = new Date(),
): string | null {
  const invited = you ? 'Invited you' : 'Invited';
  if (kind === 'page') return `${invited} to follow ${target?.name ?? 'a page'}`;
  if (kind === 'event') {
    const when = eventWhenWhere(target, now);
    const started =
      target?.startsAt && hasStarted(target.startsAt, now.getTime()) ? ' · past event' : '';
    return `${invited} to ${target?.name ?? 'an event'}${when ? ` · ${when}` : ''}${started}`;
  }
  return null;
}

/** One sent invitation in a preview list: "Bea Recipient", "Bea Recipient · to follow Acme". */
export function invitationSubject(invitation: SentInvitation): string {
  const line = invitedToLine(invitation.kind, invitation.target);
  return line
    ? `${invitation.recipient.name} · ${line.replace(/^Invited /, '')}`
    : invitation.recipient.name;
}

const ACCEPTING: [kind: InvitationKind, one: string, many: string][] = [
  ['connection', 'be connected with this person', 'be connected with these people'],
  ['page', 'follow this page', 'follow these pages'],
  ['event', 'attend this event', 'attend these events'],
];

/**
 * What accepting invitations of these kinds does, in the words of the kinds there are:
 * "You will be connected with these people and follow this page."
 */
export function acceptingSentence(counts: Partial<Record<InvitationKind, number>>): string {
  const parts = ACCEPTING.flatMap(([kind, one, many]) => {
    const n = counts[kind] ?? 0;
    return n === 0 ? [] : [n === 1 ? one : many];
  });
  const last = parts.pop();
  if (last === undefined) return 'You will accept them.';
  return `You will ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}
