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

/**
 * A 26-character id that sorts by creation time (ULID layout: 48 bits of milliseconds, then
 * 80 random bits, in Crockford base 32), made by the app so that SQLite and PostgreSQL store
 * the same values.
 */
export function newId(now: Date = new Date()): string {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  let tail = '';
  let bits = 0;
  let value = 0;
  for (const byte of randomForId()) {
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
