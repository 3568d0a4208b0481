/** The arithmetic of a member's invitation insights, as pure functions of the time. */
import { addDays, DAY_MS, HOUR_MS } from '../../lib/time.js';
import { HOW_KNOWN, type HowKnown } from '../invitations/invitation.js';

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

/** R41: the shares of accepts that came within these many days of sending. */
export const ACCEPT_WITHIN_DAYS = [1, 7, 30] as const;

/** When one accepted invitation was sent and when it was accepted, as ISO instants. */
export interface AcceptedWait {
  sentAt: string;
  acceptedAt: string;
}

export interface TimeToAccept {
  accepted: number;
  /** Median wait from sending to the accept, in hours to one decimal; null without accepts. */
  medianHours: number | null;
  within: { days: number; count: number; share: number | null }[];
}

/** The middle value of `sorted` (ascending), the mean of the two middle ones for an even count. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** R41: how long accepted invitations waited, as a median and as shares answered within N days. */
export function timeToAccept(waits: readonly AcceptedWait[]): TimeToAccept {
  const ms = waits
    .map((w) => Date.parse(w.acceptedAt) - Date.parse(w.sentAt))
    .sort((a, b) => a - b);
  const middle = median(ms);
  return {
    accepted: ms.length,
    medianHours: middle === null ? null : Math.round((middle / HOUR_MS) * 10) / 10,
    within: ACCEPT_WITHIN_DAYS.map((days) => {
      const count = ms.filter((wait) => wait <= days * DAY_MS).length;
      return { days, count, share: acceptanceRate(count, ms.length) };
    }),
  };
}

/** One group of invitations sent in the window: how many, and how many are accepted now. */
export interface SentGroup {
  sent: number;
  accepted: number;
}

export interface GroupRate extends SentGroup {
  rate: number | null;
}

const withRate = (group: SentGroup): GroupRate => ({
  ...group,
  rate: acceptanceRate(group.accepted, group.sent),
});

/** What a sender told about a connection invitation: whether it had a note, and how they know the recipient. */
export interface SentByAnswer extends SentGroup {
  withNote: boolean;
  howKnown: HowKnown | null;
}

export interface AcceptanceByAnswer {
  byNote: { withNote: GroupRate; withoutNote: GroupRate };
  byHowKnown: ({ howKnown: HowKnown | 'unspecified' } & GroupRate)[];
}

const sum = (groups: readonly SentGroup[]): SentGroup => ({
  sent: groups.reduce((n, g) => n + g.sent, 0),
  accepted: groups.reduce((n, g) => n + g.accepted, 0),
});

/** R41: acceptance rates with and without a note, and for each answer to "how do you know them". */
export function acceptanceByAnswer(groups: readonly SentByAnswer[]): AcceptanceByAnswer {
  const answers = [...HOW_KNOWN, 'unspecified'] as const;
  return {
    byNote: {
      withNote: withRate(sum(groups.filter((g) => g.withNote))),
      withoutNote: withRate(sum(groups.filter((g) => !g.withNote))),
    },
    byHowKnown: answers.map((howKnown) => ({
      howKnown,
      ...withRate(sum(groups.filter((g) => (g.howKnown ?? 'unspecified') === howKnown))),
    })),
  };
}
