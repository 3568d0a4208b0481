import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../lib/time.js';
import {
  acceptanceByAnswer,
  acceptanceRate,
  ageInDays,
  ageRanges,
  timeToAccept,
} from './insight.js';

const now = new Date('2026-06-01T12:00:00.000Z');
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY_MS - extraMs);

function bucketOf(sentAt: Date): string | undefined {
  const iso = sentAt.toISOString();
  return ageRanges(now).find((r) => iso > r.sentAfter && iso <= r.sentAtOrBefore)?.label;
}

describe('invitation insights', () => {
  it('ages are whole days, and each age falls into exactly one bucket', () => {
    expect(ageInDays(daysAgo(7, DAY_MS - 1), now)).toBe(7);
    expect(bucketOf(daysAgo(0))).toBe('0-7');
    expect(bucketOf(daysAgo(7, DAY_MS - 1))).toBe('0-7');
    expect(bucketOf(daysAgo(8))).toBe('8-14');
    expect(bucketOf(daysAgo(14, 5))).toBe('8-14');
    expect(bucketOf(daysAgo(15))).toBe('15-30');
    expect(bucketOf(daysAgo(30, DAY_MS - 1))).toBe('15-30');
    expect(bucketOf(daysAgo(31))).toBe('31-90');
    expect(bucketOf(daysAgo(91))).toBe('91-180');
    expect(bucketOf(daysAgo(180, DAY_MS - 1))).toBe('91-180');
    expect(bucketOf(daysAgo(181))).toBeUndefined();
    for (let ms = 0; ms < 181 * DAY_MS; ms += 5 * HOUR_MS) {
      const label = bucketOf(daysAgo(0, ms));
      const age = ageInDays(daysAgo(0, ms), now);
      const range = ageRanges(now).find((r) => r.label === label);
      expect(range && age >= range.minDays && age <= range.maxDays).toBe(true);
    }
  });

  it('acceptance rate is accepted ÷ sent, null when nothing was sent', () => {
    expect(acceptanceRate(0, 0)).toBeNull();
    expect(acceptanceRate(1, 3)).toBe(0.3333);
    expect(acceptanceRate(4, 4)).toBe(1);
  });

  it('R41 time to accept: the median wait in hours, and the shares answered within 1, 7 and 30 days', () => {
    const wait = (ms: number) => ({
      sentAt: daysAgo(40).toISOString(),
      acceptedAt: new Date(daysAgo(40).getTime() + ms).toISOString(),
    });
    expect(timeToAccept([])).toEqual({
      accepted: 0,
      medianHours: null,
      within: [
        { days: 1, count: 0, share: null },
        { days: 7, count: 0, share: null },
        { days: 30, count: 0, share: null },
      ],
    });
    // A wait of exactly one day counts as within one day; one millisecond more does not.
    const waits = [DAY_MS, DAY_MS + 1, 3 * HOUR_MS, 30 * DAY_MS, 31 * DAY_MS].map(wait);
    expect(timeToAccept(waits)).toEqual({
      accepted: 5,
      medianHours: 24,
      within: [
        { days: 1, count: 2, share: 0.4 },
        { days: 7, count: 3, share: 0.6 },
        { days: 30, count: 4, share: 0.8 },
      ],
    });
    // An even count takes the mean of the two middle waits, whatever order they come in.
    expect(timeToAccept([wait(2 * DAY_MS), wait(HOUR_MS)]).medianHours).toBe(24.5);
  });

  it('R41 acceptance with and without a note and by how the sender knows the recipient', () => {
    const result = acceptanceByAnswer([
      { withNote: true, howKnown: 'colleague', sent: 4, accepted: 3 },
      { withNote: false, howKnown: 'colleague', sent: 2, accepted: 0 },
      { withNote: false, howKnown: null, sent: 3, accepted: 1 },
      { withNote: true, howKnown: 'friend', sent: 1, accepted: 1 },
    ]);
    expect(result.byNote).toEqual({
      withNote: { sent: 5, accepted: 4, rate: 0.8 },
      withoutNote: { sent: 5, accepted: 1, rate: 0.2 },
    });
    expect(result.byHowKnown).toEqual([
      { howKnown: 'colleague', sent: 6, accepted: 3, rate: 0.5 },
      { howKnown: 'classmate', sent: 0, accepted: 0, rate: null },
      { howKnown: 'friend', sent: 1, accepted: 1, rate: 1 },
      { howKnown: 'other', sent: 0, accepted: 0, rate: null },
      { howKnown: 'unspecified', sent: 3, accepted: 1, rate: 0.3333 },
    ]);
  });
});
