import { useState } from 'react';
import { createEvent } from '../../api/endpoints.js';
import { TextField } from '../../components/TextField.js';
import { CreateForm, type NameAndDescription } from '../shared/CreateForm.js';
import { localInputToIso, memberTimeZone, nowAsLocalInput } from './event-time.js';

export function CreateEventForm() {
  const [startsAt, setStartsAt] = useState('');
  // Checked when the member picks a time, not on every render, so rendering stays pure.
  const [inPast, setInPast] = useState(false);
  const [location, setLocation] = useState('');
  const start = localInputToIso(startsAt);
  const create =
    start !== null && !inPast
      ? ({ name, description }: NameAndDescription) =>
          createEvent({
            name,
            startsAt: start,
            location: location.trim() || undefined,
            description,
          })
      : null;

  return (
    <CreateForm
      noun="event"
      title="Create an event"
      create={create}
      fixFirst="event-start"
      created={(event) => `${event.name} is set up. You organise it and attend it.`}
    >
      <TextField
        id="event-start"
        label="Starts"
        type="datetime-local"
        required
        min={nowAsLocalInput()}
        value={startsAt}
        invalid={inPast}
        hint={
          inPast
            ? 'Pick a time in the future.'
            : `In your time zone (${memberTimeZone()}). Others see it in theirs.`
        }
        onChange={(event) => {
          const picked = localInputToIso(event.target.value);
          setStartsAt(event.target.value);
          setInPast(picked !== null && new Date(picked).getTime() <= Date.now());
        }}
      />
      <TextField
        id="event-location"
        label="Where (optional)"
        maxLength={200}
        value={location}
        placeholder="An address or “Online”"
        onChange={(event) => setLocation(event.target.value)}
      />
    </CreateForm>
  );
}
