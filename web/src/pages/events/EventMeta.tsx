import type { EventSummary } from '../../api/types.js';
import { plural } from '../../lib/member.js';
import { hasStarted } from './event-time.js';

type EventFacts = Pick<EventSummary, 'startsAt' | 'attendeeCount' | 'isOrganizer' | 'attending'>;

/** What the member did or does at the event, in the tense its start gives. */
function yourPart(event: EventFacts, past: boolean): string | null {
  if (event.isOrganizer) return past ? 'You organised it' : 'You organise it';
  if (!event.attending) return null;
  return past ? 'You attended' : 'You’re attending';
}

/** The line under an event's name, in the list and on its page: past or not, who comes. */
export function EventMeta({ event }: { event: EventFacts }) {
  const past = hasStarted(event.startsAt);
  const yours = yourPart(event, past);
  return (
    <p className="meta">
      {past && <span>Past event</span>}
      <span>{plural(event.attendeeCount, 'attendee')}</span>
      {yours && <span>{yours}</span>}
    </p>
  );
}
