import { hash, verify } from '@node-rs/argon2';

/** What it costs to hash a password with argon2id: memory in KiB, and passes over it. */
export interface HashCost {
  memoryCost: number;
  timeCost: number;
}

/** argon2id at OWASP's recommended minimum, @node-rs/argon2's default: 19 MiB, 2 passes. */
export const STANDARD_COST: HashCost = { memoryCost: 19_456, timeCost: 2 };

/**
 * argon2id at its cheapest, for test instances only (RAPPORT_TEST_FAST_PASSWORDS=1): their
 * hundreds of sign-ups each spent 60 ms of CPU on a hash that protects nothing.
 */
export const TEST_COST: HashCost = { memoryCost: 8, timeCost: 1 };

export function hashPassword(password: string, cost: HashCost = STANDARD_COST): Promise<string> {
  return hash(password, cost);
}

/** Reads the cost a hash was made with from the hash itself, whichever it was. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
