import { plural } from '../../lib/member.js';

/** 0.2727 → "27%" */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** A wait in hours in the unit a person would use: "less than an hour", "5 hours", "3 days". */
export function waitLabel(hours: number): string {
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return plural(Math.round(hours), 'hour');
  return plural(Math.round(hours / 24), 'day');
}

/**
 * What the median of Time to accept stands for. Counted by the day of the accept, where the
 * acceptance rate beside it counts by the day of sending: the two numbers of accepts differ, and
 * the words say why. A single accept has no half sooner than it.
 */
export function medianWaitNote(accepted: number, windowDays: number): string {
  if (accepted === 1)
    return `How long the one invitation accepted in the last ${windowDays} days waited, whenever it was sent.`;
  return `The median wait of the ${plural(accepted, 'invitation')} accepted in the last ${windowDays} days, whenever they were sent: half were accepted sooner.`;
}
