import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { hashSecret } from '../lib/ids.js';
import type { RateStore } from './rate-limit.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Failed sign-ins, limited per address and per account (R27). */
    signInLimit: SignInLimiter;
  }
}

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

  private keys(ip: string, email: string): [string, FailureRule][] {
    const account = hashSecret(email.trim().toLowerCase());
    return [
      [`signIn:ip:${ip}`, SIGN_IN_FAILURES.perAddress],
      [`signIn:account:${account}`, SIGN_IN_FAILURES.perAccount],
    ];
  }

  /** Refuses with `429 rate_limited` while either window holds its most failures. */
  async check(ip: string, email: string): Promise<void> {
    if (!this.store) return;
    const now = this.clock.now().getTime();
    let retryAt = 0;
    for (const [key, rule] of this.keys(ip, email)) {
      const times = await this.store.recent(key, rule.windowMs, now);
      // Allowed again once enough of these failures are older than the window.
      const freedBy = times[times.length - rule.max];
      if (freedBy !== undefined) retryAt = Math.max(retryAt, freedBy + rule.windowMs);
    }
    if (retryAt > 0) {
      throw new DomainError(
        'rate_limited',
        'Too many failed sign-ins; please wait a while, or reset your password.',
        { retryAt: new Date(retryAt) },
      );
    }
  }

  async failed(ip: string, email: string): Promise<void> {
    if (!this.store) return;
    const now = this.clock.now().getTime();
    for (const [key, rule] of this.keys(ip, email))
      await this.store.record(key, rule.windowMs, now);
  }
}
