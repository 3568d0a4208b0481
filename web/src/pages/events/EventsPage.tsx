import { memo } from 'react';
import { Link } from 'react-router';
import { useEvents } from '../../api/queries.js';
import type { EventSummary } from '../../api/types.js';
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

function YourEvents() {
  const events = useEvents();
  if (events.query.isPending) return <Loading label="Loading your events…" />;
  if (events.query.isError) {
    return <LoadError error={events.query.error} onRetry={() => void events.query.refetch()} />;
  }
  if (events.items.length === 0) {
    return (
      <EmptyState title="No events yet">
        <p>Events you organise or attend show up here. Create one and invite your connections.</p>
      </EmptyState>
    );
  }
  return (
    <InfiniteList list={events} noun={['event', 'events']}>
      <ul className="rows" aria-label="Your events">
        {events.items.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </ul>
    </InfiniteList>
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
