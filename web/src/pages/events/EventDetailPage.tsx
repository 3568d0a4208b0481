import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useEvent } from '../../api/queries.js';
import type { MemberSummary } from '../../api/types.js';
import { MemberLine } from '../../components/MemberLine.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { EventInvitationsCard } from './EventInvitationsCard.js';
import { formatEventStart, memberTimeZone } from './event-time.js';

function People({ members, label }: { members: MemberSummary[]; label: string }) {
  return (
    <ul className="rows" aria-label={label}>
      {members.map((member) => (
        <li key={member.handle} className="invitation-row">
          <MemberLine member={member} size="small" />
        </li>
      ))}
    </ul>
  );
}

export function EventDetailPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);

  if (event.isPending) return <Loading label="Loading event…" />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) {
      return (
        <div className="card">
          <title>Event not available | Rapport</title>
          <h1 className="card-title">This event isn&apos;t available</h1>
          <EmptyState title="It may have been removed, or the address is mistyped.">
            <p>
              See <Link to="/events">your events</Link>.
            </p>
          </EmptyState>
        </div>
      );
    }
    return <LoadError error={event.error} onRetry={() => void event.refetch()} />;
  }

  const data = event.data;
  const more = data.attendeeCount - data.attendees.length;
  return (
    <div className="stack entity">
      <title>{`${data.name} | Rapport`}</title>
      <section className="card" aria-labelledby="event-name">
        <h1 id="event-name">{data.name}</h1>
        <p className="entity-when">
          <time dateTime={data.startsAt}>{formatEventStart(data.startsAt)}</time>
        </p>
        <p className="hint">Shown in your time zone, {memberTimeZone()}.</p>
        {data.location && <p>{data.location}</p>}
        <p className="meta">
          <span>{plural(data.attendeeCount, 'attendee')}</span>
          {data.isOrganizer && <span>You organise this event</span>}
          {!data.isOrganizer && data.attending && <span>You&apos;re attending</span>}
        </p>
        {data.description && <p className="entity-description">{data.description}</p>}
      </section>
      {data.invitations && <EventInvitationsCard event={data} allowance={data.invitations} />}
      <section className="card" aria-labelledby="organizers-title">
        <h2 id="organizers-title" className="card-title">
          {data.organizers.length === 1 ? 'Organiser' : 'Organisers'}
        </h2>
        <People members={data.organizers} label="Organisers" />
      </section>
      <section className="card" aria-labelledby="attendees-title">
        <h2 id="attendees-title" className="card-title">
          Attendees
        </h2>
        {data.attendees.length === 0 ? (
          <EmptyState title="Nobody has said they'll attend yet" />
        ) : (
          <People members={data.attendees} label="Attendees" />
        )}
        {more > 0 && <p className="hint">and {plural(more, 'more attendee')}</p>}
      </section>
    </div>
  );
}
