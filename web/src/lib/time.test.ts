import { describe, expect, it } from 'vitest';
import { formatRenewal } from './time.js';

describe('formatRenewal', () => {
  const now = new Date(2026, 11, 4, 16, 44).getTime();

  it('says "today at" for a renewal later today, not a weekday that reads as next week', () => {
    expect(formatRenewal(new Date(2026, 11, 4, 17, 4).toISOString(), now)).toBe('today at 17:04');
  });

  it('names the weekday within the coming days, the date after that', () => {
    expect(formatRenewal(new Date(2026, 11, 8, 9, 0).toISOString(), now)).toBe('Tue');
    expect(formatRenewal(new Date(2026, 11, 20, 9, 0).toISOString(), now)).toBe('20 Dec');
  });
});
