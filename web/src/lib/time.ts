import { plural } from './member.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short' });
const shortDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DAY_MS = DAY;

/** "18 December 2026" */
export function formatDate(value: string | Date): string {
  return dateFormat.format(new Date(value));
}

/** "6 Nov 2026, 14:02" */
export function formatDateTime(value: string | Date): string {
  return dateTimeFormat.format(new Date(value));
}

/** "2 weeks ago", "in 3 days", "just now" */
export function formatRelative(value: string | Date, now: number = Date.now()): string {
  const diff = new Date(value).getTime() - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return 'just now';
  const [amount, unit] = pickUnit(abs);
  return relativeFormat.format(Math.sign(diff) * amount, unit);
}

function pickUnit(abs: number): [number, Intl.RelativeTimeFormatUnit] {
  if (abs < HOUR) return [Math.floor(abs / MINUTE), 'minute'];
  if (abs < DAY) return [Math.floor(abs / HOUR), 'hour'];
  if (abs < 7 * DAY) return [Math.floor(abs / DAY), 'day'];
  if (abs < 30 * DAY) return [Math.floor(abs / (7 * DAY)), 'week'];
  if (abs < 365 * DAY) return [Math.floor(abs / (30 * DAY)), 'month'];
  return [Math.floor(abs / (365 * DAY)), 'year'];
}

/** "today at 17:04", "Tue" within the coming days, otherwise "20 Dec". */
export function formatRenewal(value: string, now: number = Date.now()): string {
  const at = new Date(value);
  // A weekday alone that is today's reads as a week from now.
  if (at.toDateString() === new Date(now).toDateString())
    return `today at ${timeFormat.format(at)}`;
  return at.getTime() - now < 6 * DAY ? weekdayFormat.format(at) : shortDateFormat.format(at);
}

/**
 * When something refused becomes possible, after "You can … ": "today at 21:49" for today, the
 * date and time within a week ("on 8 December 2026 at 20:07": a 48-hour lock ends at a time),
 * the date alone beyond ("on 27 December 2026").
 */
export function formatAvailableAt(value: string, now: number = Date.now()): string {
  const at = new Date(value);
  if (at.toDateString() === new Date(now).toDateString())
    return `today at ${timeFormat.format(at)}`;
  const date = `on ${dateFormat.format(at)}`;
  return at.getTime() - now < 7 * DAY ? `${date} at ${timeFormat.format(at)}` : date;
}

export function addDays(days: number, from: number = Date.now()): Date {
  return new Date(from + days * DAY);
}

/** A rule's number of days in words: "2 weeks", "10 days". */
export function formatDays(days: number): string {
  return days % 7 === 0 ? plural(days / 7, 'week') : plural(days, 'day');
}
