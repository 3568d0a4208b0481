import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createEvent } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import { ErrorNote } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { localInputToIso, memberTimeZone, nowAsLocalInput } from './event-time.js';

export function CreateEventForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [name, setName] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const start = localInputToIso(startsAt);
  const inPast = start !== null && new Date(start).getTime() <= Date.now();

  const create = useMutation({
    mutationFn: (startIso: string) =>
      createEvent({
        name: name.trim(),
        startsAt: startIso,
        location: location.trim() || undefined,
        description: description.trim() || undefined,
      }),
    onSuccess: (event) => {
      toasts.show({ message: `${event.name} is set up. You organise it and attend it.` });
      void refreshAfterChange(queryClient);
      navigate(`/events/${encodeURIComponent(event.id)}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() && start && !inPast) create.mutate(start);
  }

  return (
    <section className="card" aria-labelledby="create-event-title">
      <h2 id="create-event-title" className="card-title">
        Create an event
      </h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="event-name">Name</label>
          <input
            id="event-name"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="event-start">Starts</label>
          <input
            id="event-start"
            type="datetime-local"
            required
            min={nowAsLocalInput()}
            value={startsAt}
            aria-invalid={inPast}
            aria-describedby="event-start-hint"
            onChange={(event) => setStartsAt(event.target.value)}
          />
          <p id="event-start-hint" className={inPast ? 'hint counter-low' : 'hint'}>
            {inPast
              ? 'Pick a time in the future.'
              : `In your time zone (${memberTimeZone()}). Others see it in theirs.`}
          </p>
        </div>
        <div className="field">
          <label htmlFor="event-location">Where (optional)</label>
          <input
            id="event-location"
            maxLength={200}
            value={location}
            placeholder="An address or “Online”"
            onChange={(event) => setLocation(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="event-description">What is it about? (optional)</label>
          <textarea
            id="event-description"
            rows={3}
            maxLength={2000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        {create.isError && <ErrorNote>{describeError(create.error)}</ErrorNote>}
        <div>
          <button
            type="submit"
            className="button button-primary"
            disabled={!name.trim() || !start || inPast || create.isPending}
          >
            {create.isPending ? 'Creating…' : 'Create event'}
          </button>
        </div>
      </form>
    </section>
  );
}
