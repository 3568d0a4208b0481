import { createHash, randomBytes, randomFillSync } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BYTES = 10;

/**
 * Random bytes for ids, drawn from a pool filled a few hundred ids at a time: a system call per
 * id cost more than the rest of making it. Secrets never come from here.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomForId(): Buffer {
  if (used + RANDOM_BYTES > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += RANDOM_BYTES;
  return pool.subarray(used - RANDOM_BYTES, used);
}

let lastTime = -1;
const lastRandom = Buffer.alloc(RANDOM_BYTES);

/**
 * The random part of an id made at `time`: fresh for a new millisecond, the last one plus one
 * within the same millisecond, so ids made in one instant sort in the order they were made. A
 * fresh part starts with its top bit clear, leaving 2^79 steps before it could overflow.
 */
function randomPart(time: number): Buffer {
  if (time === lastTime) {
    for (let i = RANDOM_BYTES - 1; i >= 0; i--) {
      lastRandom[i] = (lastRandom[i]! + 1) & 0xff;
      if (lastRandom[i] !== 0) break;
    }
  } else {
    randomForId().copy(lastRandom);
    lastRandom[0]! &= 0x7f;
    lastTime = time;
  }
  return lastRandom;
}

/**
 * A 26-character id that sorts by creation time (ULID layout: 48 bits of milliseconds, then
 * 80 random bits, in Crockford base 32), made by the app so that SQLite and PostgreSQL store
 * the same values. Ids made in one millisecond by one process still sort in creation order.
 */
export function newId(now: Date = new Date()): string {
  const at = now.getTime();
  let time = at;
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  let tail = '';
  let bits = 0;
  let value = 0;
  for (const byte of randomPart(at)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      tail += CROCKFORD[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return head + tail;
}

/** A secret for a cookie or a personal access token. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a leaked table grants nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
