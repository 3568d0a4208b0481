import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { hashSecret } from '../lib/ids.js';
import type { RateStore } from './rate-limit.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Wrong passwords, at sign-in or re-entered, limited per address and per account (R27). */
    signInLimit: SignInLimiter;
  }
}

/**
 * Whose password is tried: an address signing in, or a signed-in member re-entering theirs to
 * change it or their email, or to leave, so that a stolen session or token guesses it no faster.
 */
type Account = { email: string } | { memberId: string };

interface FailureRule {
  max: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** R27: sliding windows of failed sign-ins. */
export const SIGN_IN_FAILURES = {
  perAddress: { max: 10, windowMs: 15 * MINUTE_MS },
  perAccount: { max: 10, windowMs: 60 * MINUTE_MS },
} satisfies Record<string, FailureRule>;

/**
 * Counts failed sign-ins per caller address and per email address typed, whether or not an
 * account has it: a limited account answers exactly as an unknown address that failed as often.
 * Email addresses are kept only as their hash. Without a store (RAPPORT_RATE_LIMITS=off) it
 * limits nothing.
 */
export class SignInLimiter {
  constructor(
    private readonly store: RateStore | null,
    private readonly clock: Clock,
  ) {}

  private keys(ip: string, account: Account): [string, FailureRule][] {
    const id =
      'email' in account ? hashSecret(account.email.trim().toLowerCase()) : account.memberId;
    return [
      [`signIn:ip:${ip}`, SIGN_IN_FAILURES.perAddress],
      [`signIn:account:${id}`, SIGN_IN_FAILURES.perAccount],
    ];
  }

  /**
   * Runs `attempt`, a check of a password, unless `429 rate_limited` refuses it while either
   * window holds its most failures; a refusal with the code `failure` counts as one more.
   */
  async guard<T>(
    ip: string,
    account: Account,
    failure: 'unauthenticated' | 'wrong_password',
    attempt: () => Promise<T>,
  ): Promise<T> {
    if (!this.store) return attempt();
    const { store } = this;
    const now = this.clock.now().getTime();
    const keys = this.keys(ip, account);
    let retryAt = 0;
    for (const [key, rule] of keys) {
      const times = await store.recent(key, rule.windowMs, now);
      // Allowed again once enough of these failures are older than the window.
      const freedBy = times[times.length - rule.max];
      if (freedBy !== undefined) retryAt = Math.max(retryAt, freedBy + rule.windowMs);
    }
    if (retryAt > 0) {
      throw new DomainError(
        'rate_limited',
        'Too many wrong passwords; please wait a while, or reset your password.',
        { retryAt: new Date(retryAt) },
      );
    }
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof DomainError && error.code === failure) {
        for (const [key, rule] of keys) await store.record(key, rule.windowMs, now);
      }
      throw error;
    }
  }
}
