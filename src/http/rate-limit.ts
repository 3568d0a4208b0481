import type { FastifyRequest } from 'fastify';
import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';

export interface RateRule {
  max: number;
  windowMs: number;
  /** What the limit counts by: the caller's address, or the signed-in member. */
  by: 'ip' | 'member';
}

export const RATE_RULES: Record<string, RateRule> = {
  signIn: { max: 10, windowMs: 15 * 60_000, by: 'ip' },
  signUp: { max: 20, windowMs: 60 * 60_000, by: 'ip' },
  invite: { max: 60, windowMs: 60_000, by: 'member' },
};

/** A store of fixed-window counters; in memory here, shared through Redis when several processes run. */
export interface RateStore {
  hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
}

export class MemoryRateStore implements RateStore {
  private windows = new Map<string, { count: number; resetAt: number }>();

  async hit(key: string, windowMs: number, now: number) {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 100_000) this.prune(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return { ...window };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/** Request rate limits on sign-in, sign-up and sending; off with RAPPORT_RATE_LIMITS=off. */
export function rateLimitHook(store: RateStore, clock: Clock) {
  return async (request: FastifyRequest): Promise<void> => {
    const name = (request.routeOptions.config as { rateLimit?: string }).rateLimit;
    const rule = name ? RATE_RULES[name] : undefined;
    if (!name || !rule) return;
    const who = rule.by === 'member' ? request.memberId : request.ip;
    const now = clock.now().getTime();
    const { count, resetAt } = await store.hit(`${name}:${who}`, rule.windowMs, now);
    if (count > rule.max) {
      throw new DomainError('rate_limited', 'Too many requests; please wait a moment and try again.', {
        retryAt: new Date(resetAt),
      });
    }
  };
}
