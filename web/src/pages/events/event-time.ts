/** Event times in the member's own time zone, which is whatever the browser runs in. */
const startFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

const shortFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "Tuesday 8 December 2026 at 18:30 CET" */
export function formatEventStart(value: string): string {
  return startFormat.format(new Date(value));
}

/** "Tue 8 Dec 2026, 18:30" */
export function formatEventStartShort(value: string): string {
  return shortFormat.format(new Date(value));
}

/** Whether the event has begun: past events say so, and what the member did at them. */
export function hasStarted(startsAt: string, now: number = Date.now()): boolean {
  return new Date(startsAt).getTime() <= now;
}

export function memberTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A `datetime-local` value ("2026-12-08T18:30"), read in the member's time zone, as ISO UTC. */
export function localInputToIso(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Now as a `datetime-local` value, the earliest start the form offers. */
export function nowAsLocalInput(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
