import { memo } from 'react';
import { Link } from 'react-router';
import { useEvents } from '../../api/queries.js';
import type { EventsSide, EventSummary } from '../../api/types.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { CreateEventForm } from './CreateEventForm.js';
import { EventMeta } from './EventMeta.js';
import { formatEventStart, formatEventStartShort } from './event-time.js';

/** Memoised: loading the next page of a long list leaves the events shown alone. */
const EventRow = memo(function EventRow({ event }: { event: EventSummary }) {
  return (
    <li className="entity-row">
      <Link className="member-name" to={`/events/${encodeURIComponent(event.id)}`}>
        {event.name}
      </Link>
      <p className="member-headline">
        <time dateTime={event.startsAt} title={formatEventStart(event.startsAt)}>
          {formatEventStartShort(event.startsAt)}
        </time>
        {event.location && ` · ${event.location}`}
      </p>
      <EventMeta event={event} />
    </li>
  );
});

interface ListText {
  title: string;
  label: string;
  noun: readonly [string, string];
  empty: string;
}

const LISTS: Record<EventsSide, ListText> = {
  upcoming: {
    title: 'Upcoming',
    label: 'Upcoming events',
    noun: ['event', 'events'],
    empty: 'No upcoming events. Create one, or accept an invitation to one.',
  },
  past: {
    title: 'Past',
    label: 'Past events',
    noun: ['past event', 'past events'],
    empty: 'No past events.',
  },
};

function EventList({ when, list }: { when: EventsSide; list: ReturnType<typeof useEvents> }) {
  const { title, label, noun, empty } = LISTS[when];
  return (
    <>
      <h3 className="events-when">{title}</h3>
      {list.items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <InfiniteList list={list} noun={noun}>
          <ul className="rows" aria-label={label}>
            {list.items.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </ul>
        </InfiniteList>
      )}
    </>
  );
}

/** What is still to come first, soonest first; what has been after it, latest first. */
function YourEvents() {
  const upcoming = useEvents('upcoming');
  const past = useEvents('past');
  const failed = [upcoming, past].find((list) => list.query.isError);
  if (failed) {
    return <LoadError error={failed.query.error} onRetry={() => void failed.query.refetch()} />;
  }
  if (upcoming.query.isPending || past.query.isPending) {
    return <Loading label="Loading your events…" />;
  }
  if (upcoming.items.length === 0 && past.items.length === 0) {
    return (
      <EmptyState title="No events yet">
        <p>Events you organise or attend show up here. Create one and invite your connections.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <EventList when="upcoming" list={upcoming} />
      {past.items.length > 0 && <EventList when="past" list={past} />}
    </>
  );
}

export function EventsPage() {
  return (
    <div className="stack">
      <title>Events | Rapport</title>
      <h1>Events</h1>
      <div className="hub-grid">
        <section className="card" aria-labelledby="your-events-title">
          <h2 id="your-events-title" className="card-title">
            Your events
          </h2>
          <YourEvents />
        </section>
        <CreateEventForm />
      </div>
    </div>
  );
}
