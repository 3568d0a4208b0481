import { describe, expect, it } from 'vitest';
import { formatAvailableAt, formatRenewal } from './time.js';

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

describe('formatAvailableAt', () => {
  const now = new Date(2026, 11, 6, 19, 0).getTime();

  it('says "today at" for later today, the date and time within a week, the date alone beyond', () => {
    expect(formatAvailableAt(new Date(2026, 11, 6, 21, 49).toISOString(), now)).toBe(
      'today at 21:49',
    );
    expect(formatAvailableAt(new Date(2026, 11, 8, 20, 7).toISOString(), now)).toBe(
      'on 8 December 2026 at 20:07',
    );
    expect(formatAvailableAt(new Date(2026, 11, 27, 9, 0).toISOString(), now)).toBe(
      'on 27 December 2026',
    );
  });
});
