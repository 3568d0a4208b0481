export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}

/** The first whole hour at or after `date`. */
export function ceilToHour(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / HOUR_MS) * HOUR_MS);
}

/** The first instant of the calendar month after `date`, in UTC. */
export function startOfNextMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
}

/** `YYYY-MM` of `date` in UTC. */
export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Milliseconds from the instant `iso` to `now`. */
export function elapsedSince(iso: string, now: Date): number {
  return now.getTime() - new Date(iso).getTime();
}
