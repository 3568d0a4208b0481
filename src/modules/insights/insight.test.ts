import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../lib/time.js';
import { acceptanceRate, ageInDays, ageRanges } from './insight.js';

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
});
