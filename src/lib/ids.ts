import { createHash, randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeBase32(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

/**
 * A 26-character id that sorts by creation time (ULID layout), made by the app so that
 * SQLite and PostgreSQL store the same values.
 */
export function newId(now: Date = new Date()): string {
  const time = encodeBase32(BigInt(now.getTime()), 10);
  const random = encodeBase32(BigInt('0x' + randomBytes(10).toString('hex')), 16);
  return time + random;
}

/** A secret for a cookie or a personal access token. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a leaked table grants nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
