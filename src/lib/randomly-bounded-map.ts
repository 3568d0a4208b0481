import { elementAt } from './arrays.js';

interface Slot<V> {
  value: V;
  /** Where the key sits in the list of keys a new one's place is drawn from. */
  at: number;
}

/**
 * A map that keeps at most `capacity` entries: once it is full, a new key takes the place of
 * one drawn at random. Making way for it with the oldest (BoundedMap) finds nothing at all in a
 * round of more keys than it holds, taken in the same order each time, since each key goes just
 * before its turn comes again; drawn at random, most keys stay (nine in ten with 5 % more keys
 * than room).
 */
export class RandomlyBoundedMap<K, V> {
  private readonly slots = new Map<K, Slot<V>>();
  private readonly keys: K[] = [];

  constructor(
    private readonly capacity: number,
    private readonly random: () => number = Math.random,
  ) {}

  get(key: K): V | undefined {
    return this.slots.get(key)?.value;
  }

  set(key: K, value: V): void {
    const slot = this.slots.get(key);
    if (slot) {
      slot.value = value;
      return;
    }
    if (this.keys.length >= this.capacity) {
      this.delete(elementAt(this.keys, Math.floor(this.random() * this.keys.length)));
    }
    this.slots.set(key, { value, at: this.keys.length });
    this.keys.push(key);
  }

  delete(key: K): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    // The last key fills the place this one leaves, so the list stays without gaps.
    const last = elementAt(this.keys, this.keys.length - 1);
    this.keys.pop();
    if (last === key) return;
    this.keys[slot.at] = last;
    const moved = this.slots.get(last);
    if (moved) moved.at = slot.at;
  }
}
