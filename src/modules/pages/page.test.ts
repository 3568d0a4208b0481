import { describe, expect, it } from 'vitest';
import { creditMonth, pageCredits } from './page.js';

describe('page credits (R21)', () => {
  it('R21: credits belong to the UTC calendar month and renew on the 1st of the next', () => {
    const lastMoment = new Date('2026-03-31T23:59:59.999Z');
    expect(creditMonth(lastMoment)).toBe('2026-03');
    expect(creditMonth(new Date('2026-04-01T00:00:00.000Z'))).toBe('2026-04');
    expect(pageCredits(100, 100, lastMoment)).toEqual({
      limit: 100,
      used: 100,
      remaining: 0,
      renewsAt: '2026-04-01T00:00:00.000Z',
    });
  });

  it('R21: December renews on 1 January of the next year; remaining never goes below zero', () => {
    const credits = pageCredits(120, 100, new Date('2026-12-15T10:00:00Z'));
    expect(credits.renewsAt).toBe('2027-01-01T00:00:00.000Z');
    expect(credits.remaining).toBe(0);
  });
});
