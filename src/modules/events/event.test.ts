import { describe, expect, it } from 'vitest';
import { eventLimitRetryAt, eventQuota, eventWindowStart } from './event.js';

describe('event invitation allowance (R22)', () => {
  it('R22: the window is the rolling 7 days before now', () => {
    expect(eventWindowStart(new Date('2026-03-10T12:00:00Z')).toISOString()).toBe(
      '2026-03-03T12:00:00.000Z',
    );
  });

  it('R22: a full window frees one invitation when its oldest leaves it', () => {
    const quota = eventQuota({ count: 1000, oldest: '2026-03-04T08:00:00.000Z' }, 1000);
    expect(quota).toEqual({
      limit: 1000,
      used: 1000,
      remaining: 0,
      renewsAt: '2026-03-11T08:00:00.000Z',
    });
    expect(
      eventLimitRetryAt('2026-03-04T08:00:00.000Z', new Date('2026-03-05T00:00:00Z')).toISOString(),
    ).toBe('2026-03-11T08:00:00.000Z');
  });

  it('R22: an empty window has nothing to renew', () => {
    expect(eventQuota({ count: 0, oldest: null }, 1000)).toEqual({
      limit: 1000,
      used: 0,
      remaining: 1000,
      renewsAt: null,
    });
  });
});
