/** The arithmetic of a member's invitation insights, as pure functions of the time. */
import { addDays, DAY_MS } from '../../lib/time.js';

/** Accepts and the acceptance rate look back this many days. */
export const INSIGHT_WINDOW_DAYS = 90;

/** Age buckets of open sent invitations, in whole days since sending (both ends included). */
const AGE_BUCKETS = [
  { minDays: 0, maxDays: 7 },
  { minDays: 8, maxDays: 14 },
  { minDays: 15, maxDays: 30 },
  { minDays: 31, maxDays: 90 },
  { minDays: 91, maxDays: 180 },
] as const;

export interface AgeRange {
  label: string;
  minDays: number;
  maxDays: number;
  /** Sent strictly after this instant… */
  sentAfter: string;
  /** …and at or before this one. */
  sentAtOrBefore: string;
}

/** Whole days an invitation sent at `sentAt` has waited by `now`. */
export function ageInDays(sentAt: Date, now: Date): number {
  return Math.floor((now.getTime() - sentAt.getTime()) / DAY_MS);
}

/** Each bucket as a range of sending times: age d is in [min, max] ⇔ sentAt ∈ (now − (max+1) days, now − min days]. */
export function ageRanges(now: Date): AgeRange[] {
  return AGE_BUCKETS.map(({ minDays, maxDays }) => ({
    label: `${minDays}-${maxDays}`,
    minDays,
    maxDays,
    sentAfter: addDays(now, -(maxDays + 1)).toISOString(),
    sentAtOrBefore: addDays(now, -minDays).toISOString(),
  }));
}

/** Accepted ÷ sent, over the invitations sent in the window; null when none was sent. */
export function acceptanceRate(accepted: number, sent: number): number | null {
  if (sent === 0) return null;
  return Math.round((accepted / sent) * 10_000) / 10_000;
}
