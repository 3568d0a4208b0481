import { useState } from 'react';
import { createEvent } from '../../api/endpoints.js';
import { TextField } from '../../components/TextField.js';
import { CreateForm, type NameAndDescription } from '../shared/CreateForm.js';
import { localInputToIso, memberTimeZone, nowAsLocalInput } from './event-time.js';

export function CreateEventForm() {
  const [startsAt, setStartsAt] = useState('');
  const [location, setLocation] = useState('');
  const start = localInputToIso(startsAt);
  const inPast = start !== null && new Date(start).getTime() <= Date.now();
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
        onChange={(event) => setStartsAt(event.target.value)}
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
