import type { MailPayload } from '../../modules/invitations/invitation.effects.js';
import { actorLine, layout, quoted, quotedOr, type MailContent, type MailView } from './layout.js';

/** An event's start, in words and in UTC, the one time zone every recipient can place. */
const EVENT_TIME = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** When and where an event takes place, as lines of its invitation. */
function eventLines(event: MailPayload['event']): string[] {
  if (!event) return [];
  const when = `When: ${EVENT_TIME.format(new Date(event.startsAt))}`;
  return event.location ? [when, `Where: ${quoted(event.location)}`] : [when];
}

/** A new invitation, to its recipient. */
export function invitationMail(view: MailView): MailContent {
  const { payload, links } = view;
  const what =
    payload.kind === 'page'
      ? `invited you to follow ${quotedOr(payload.targetName, 'a page')}`
      : payload.kind === 'event'
        ? `invited you to ${quotedOr(payload.targetName, 'an event')}`
        : 'wants to connect with you';
  return layout(
    {
      subject: `${quoted(payload.actorName)} ${what}`,
      lines: [`${actorLine(payload)} ${what} on Rapport.`, ...eventLines(payload.event)],
      ...(links.target
        ? {
            about: {
              label: payload.kind === 'page' ? 'About the page' : 'About the event',
              url: links.target,
            },
          }
        : {}),
      note: payload.note,
      action: { label: 'See the invitation', url: links.invitations },
      because: 'you allowed emails about new invitations',
    },
    view,
  );
}
