import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomSource } from '../seed/generate.rows.js';
import { BoundedMap } from './bounded-map.js';
import { RandomlyBoundedMap } from './randomly-bounded-map.js';

type Operation = { set: number; value: number } | { delete: number };

const KEYS = 12;
const key = fc.integer({ min: 0, max: KEYS - 1 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ set: key, value: fc.integer() }),
  fc.record({ delete: key }),
);

/** How many gets of `rounds` passes over `keys` keys, in the same order each pass, find theirs. */
function foundInRounds(
  map: { get(key: number): number | undefined; set(key: number, value: number): void },
  keys: number,
  rounds: number,
): number {
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    for (let key = 0; key < keys; key++) {
      if (map.get(key) === undefined) map.set(key, round);
      else found++;
    }
  }
  return found;
}

describe('RandomlyBoundedMap', () => {
  it('holds as many keys as it has room for, each with what was last set for it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        fc.array(operation, { maxLength: 200 }),
        (capacity, seed, operations) => {
          const map = new RandomlyBoundedMap<number, number>(capacity, randomSource(seed));
          const lastSet = new Map<number, number>();
          const held = () =>
            Array.from({ length: KEYS }, (_, k) => k).filter((k) => map.get(k) !== undefined);
          for (const op of operations) {
            const before = held();
            if ('set' in op) {
              map.set(op.set, op.value);
              lastSet.set(op.set, op.value);
              const expected = before.includes(op.set) ? before.length : before.length + 1;
              expect(held()).toHaveLength(Math.min(capacity, expected));
              expect(held()).toContain(op.set);
            } else {
              map.delete(op.delete);
              expect(held()).toEqual(before.filter((k) => k !== op.delete));
            }
            for (const k of held()) {
              expect(before.includes(k) || ('set' in op && k === op.set)).toBe(true);
              expect(map.get(k)).toBe(lastSet.get(k));
            }
          }
        },
      ),
    );
  });

  it('keeps most keys of rounds over a few more keys than it holds, where evicting the oldest keeps none', () => {
    const gets = 10 * 1050;
    const random = new RandomlyBoundedMap<number, number>(1000, randomSource(7));
    const oldest = new BoundedMap<number, number>(1000);
    foundInRounds(random, 1050, 1);
    foundInRounds(oldest, 1050, 1);
    expect(foundInRounds(oldest, 1050, 10)).toBe(0);
    expect(foundInRounds(random, 1050, 10) / gets).toBeGreaterThan(0.85);
  });
});
