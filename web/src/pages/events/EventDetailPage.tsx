import { useParams } from 'react-router';
import { useEvent, useEventAttendees } from '../../api/queries.js';
import type { EventView } from '../../api/types.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { EntityDetail, MemberRow, MemberRows } from '../shared/EntityDetail.js';
import { EventInvitationsCard } from './EventInvitationsCard.js';
import { EventMeta } from './EventMeta.js';
import { formatEventStart, memberTimeZone } from './event-time.js';

export function EventDetailPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  return (
    <EntityDetail query={event} noun="event">
      {(data) => <EventDetail event={data} />}
    </EntityDetail>
  );
}

/** Every attendee the member may see, read to the end (R40). */
function Attendees({ event }: { event: EventView }) {
  const attendees = useEventAttendees(event.id);
  if (attendees.query.isPending) return <Loading label="Loading attendees…" />;
  if (attendees.query.isError) {
    return (
      <LoadError error={attendees.query.error} onRetry={() => void attendees.query.refetch()} />
    );
  }
  if (attendees.items.length === 0) {
    return <EmptyState title="Nobody has said they'll attend yet" />;
  }
  return (
    <InfiniteList list={attendees} noun={['attendee', 'attendees']} total={event.attendeeCount}>
      <ul className="rows" aria-label="Attendees">
        {attendees.items.map((member) => (
          <MemberRow key={member.handle} member={member} />
        ))}
      </ul>
    </InfiniteList>
  );
}

function EventDetail({ event }: { event: EventView }) {
  return (
    <div className="stack entity">
      <title>{`${event.name} | Rapport`}</title>
      <section className="card" aria-labelledby="event-name">
        <h1 id="event-name">{event.name}</h1>
        <p className="entity-when">
          <time dateTime={event.startsAt}>{formatEventStart(event.startsAt)}</time>
        </p>
        <p className="hint">Shown in your time zone, {memberTimeZone()}.</p>
        {event.location && <p>{event.location}</p>}
        <EventMeta event={event} />
        {event.description && <p className="entity-description">{event.description}</p>}
      </section>
      {event.invitations && <EventInvitationsCard event={event} allowance={event.invitations} />}
      <section className="card" aria-labelledby="organizers-title">
        <h2 id="organizers-title" className="card-title">
          {event.organizers.length === 1 ? 'Organiser' : 'Organisers'}
        </h2>
        <MemberRows members={event.organizers} label="Organisers" />
      </section>
      <section className="card" aria-labelledby="attendees-title">
        <h2 id="attendees-title" className="card-title">
          Attendees
        </h2>
        <Attendees event={event} />
      </section>
    </div>
  );
}
