import { plural } from '../../lib/member.js';

/** 0.2727 → "27%" */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** A wait in hours in the unit a person would use: "less than an hour", "5 hours", "3 days". */
export function waitLabel(hours: number): string {
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return plural(Math.round(hours), 'hour');
  return plural(Math.round(hours / 24), 'day');
}
