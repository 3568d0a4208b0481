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
    const sameMillisecond = Array.from({ length: 5_000 }, () => newId(new Date(0)));
    expect(new Set(sameMillisecond).size).toBe(5_000);
    expect(new Set(sameMillisecond.map((id) => id.slice(10, 12))).size).toBeGreaterThan(500);
  });
});
