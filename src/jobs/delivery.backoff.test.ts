import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt } from './delivery.backoff.js';

const now = new Date('2026-03-02T09:00:00.000Z');
const minutesLater = (attempts: number) => {
  const at = nextAttemptAt(attempts, now);
  return at === null ? null : (at.getTime() - now.getTime()) / 60_000;
};

describe('delivery back-off (§5)', () => {
  it('§5: waits 5 minutes after the first failure and twice as long after each next one', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(minutesLater)).toEqual([5, 10, 20, 40, 80, 160, 320]);
  });

  it('§5: gives up after the last try', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAt(3, now, 3)).toBeNull();
  });

  it('§5: never waits longer than six hours', () => {
    expect(minutesLater(7)).toBeLessThanOrEqual(360);
    expect((nextAttemptAt(20, now, 30)!.getTime() - now.getTime()) / 60_000).toBe(360);
  });
});
