import { hash, verify } from '@node-rs/argon2';

/** argon2id, the memory-hard default of @node-rs/argon2 (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
export const UNKNOWN_MEMBER_HASH = hash('rapport-unknown-member');
