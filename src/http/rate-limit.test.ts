import { describe, expect, it } from 'vitest';
import { MemoryRateStore, windowEnd } from './rate-limit.js';

const MINUTE = 60_000;

describe('fixed-window rate counters', () => {
  it('windows are aligned to the clock, so processes agree on them without talking', () => {
    const start = Date.UTC(2026, 2, 2, 9, 0, 0);
    expect(windowEnd(start, 15 * MINUTE)).toBe(start + 15 * MINUTE);
    expect(windowEnd(start + 14 * MINUTE, 15 * MINUTE)).toBe(start + 15 * MINUTE);
    expect(windowEnd(start + 15 * MINUTE, 15 * MINUTE)).toBe(start + 30 * MINUTE);
  });

  it('the memory store counts per key within a window and starts again in the next', async () => {
    const store = new MemoryRateStore();
    const now = Date.UTC(2026, 2, 2, 9, 0, 30);
    expect(await store.hit('a', MINUTE, now)).toEqual({ count: 1, resetAt: now + 30_000 });
    expect((await store.hit('a', MINUTE, now + 1000)).count).toBe(2);
    expect((await store.hit('b', MINUTE, now + 1000)).count).toBe(1);
    expect(await store.hit('a', MINUTE, now + 30_000)).toEqual({ count: 1, resetAt: now + 90_000 });
  });
});
