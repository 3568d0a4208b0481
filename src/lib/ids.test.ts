import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function timeOf(id: string): number {
  return [...id.slice(0, 10)].reduce(
    (n, c) => n * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c),
    0,
  );
}

describe('newId', () => {
  it('is 26 Crockford base-32 characters that start with the time in milliseconds', () => {
    const at = new Date('2026-11-27T16:45:00.123Z');
    const id = newId(at);
    expect(id).toMatch(CROCKFORD);
    expect(timeOf(id)).toBe(at.getTime());
  });

  it('sorts by creation time and never repeats, across refills of the random pool', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => newId(new Date(1_800_000_000_000 + i)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(10, 12))).size).toBeGreaterThan(500);
  });

  it('made in one millisecond, sorts in the order made and never repeats, with the same time and length', () => {
    const at = new Date('2026-11-27T16:45:00.123Z');
    const sameMillisecond = Array.from({ length: 5_000 }, () => newId(at));
    expect([...sameMillisecond].sort()).toEqual(sameMillisecond);
    expect(new Set(sameMillisecond).size).toBe(5_000);
    for (const id of sameMillisecond) {
      expect(id).toMatch(CROCKFORD);
      expect(timeOf(id)).toBe(at.getTime());
    }
  });

  it('carries the time it is given, also when the clock goes back to an earlier millisecond', () => {
    const [a, b] = [newId(new Date(5_000)), newId(new Date(5_000))];
    const later = newId(new Date(5_001));
    const earlier = newId(new Date(4_999));
    expect([a, b, later].sort()).toEqual([a, b, later]);
    expect(timeOf(earlier)).toBe(4_999);
    expect(earlier < a).toBe(true);
  });
});
