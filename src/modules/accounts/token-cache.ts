/**
 * The bearer tokens a process has lately let in. Whose a token is, what it may do and when it
 * expires never change, so a request with one of them need not look it up before its work
 * starts: the lookup travels with its first statement instead (db/carried-check.ts) and refuses
 * the request there if the token was revoked or its member suspended meanwhile, by this process
 * or another. A token unused here for an hour is looked up first again, which records its use.
 */
import { RandomlyBoundedMap } from '../../lib/randomly-bounded-map.js';
import { elapsedSince, HOUR_MS } from '../../lib/time.js';
import type { TokenScope } from '../../db/tables/access-token.js';

export interface KnownToken {
  memberId: string;
  scope: TokenScope;
  expiresAt: string | null;
  /** When its use was last recorded (R28). */
  lastUsedAt: string;
}

/**
 * Enough for every token in use on a busy instance. Past it, a token let in takes the place of
 * one drawn at random: a job that acts for more members than this in turn, each with a token of
 * their own, otherwise found none of them here, each gone just before its next request. The
 * bench's 10,500 writers did just that, and each send took a round trip of its own for its token.
 */
const CAPACITY = 10_000;

export class TokenCache {
  private readonly tokens = new RandomlyBoundedMap<string, KnownToken>(CAPACITY);

  /** The token with `hash`, if it was let in here, has not expired and its use is recent. */
  get(hash: string, now: Date): KnownToken | undefined {
    const token = this.tokens.get(hash);
    if (!token) return undefined;
    const expired = token.expiresAt !== null && new Date(token.expiresAt) <= now;
    if (expired || elapsedSince(token.lastUsedAt, now) > HOUR_MS) {
      this.tokens.delete(hash);
      return undefined;
    }
    return token;
  }

  remember(hash: string, token: KnownToken): void {
    this.tokens.set(hash, token);
  }
}
