import type { FastifyRequest } from 'fastify';
import type * as IoRedis from 'ioredis';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppContext } from '../context.js';
import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { requireWhenNeeded } from '../lib/require-when-needed.js';
import type { App } from './types.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The RATE_RULES entry that limits the route. */
    rateLimit?: string;
  }
}

interface RateRule {
  max: number;
  windowMs: number;
  /** What the limit counts by: the caller's address, or the signed-in member. */
  by: 'ip' | 'member';
}

const RATE_RULES: Record<string, RateRule> = {
  signIn: { max: 10, windowMs: 15 * 60_000, by: 'ip' },
  signUp: { max: 20, windowMs: 60 * 60_000, by: 'ip' },
  invite: { max: 60, windowMs: 60_000, by: 'member' },
};

/**
 * Fixed windows aligned to the clock (every `windowMs` from the epoch), so processes that share
 * a store count into the same window without agreeing on when it started.
 */
export function windowEnd(now: number, windowMs: number): number {
  return now - (now % windowMs) + windowMs;
}

/** A store of fixed-window counters: in memory for one process, in Redis when several share limits. */
export interface RateStore {
  hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
  close(): Promise<void>;
}

export class MemoryRateStore implements RateStore {
  private windows = new Map<string, { count: number; resetAt: number }>();

  hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }> {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 100_000) this.prune(now);
      window = { count: 0, resetAt: windowEnd(now, windowMs) };
      this.windows.set(key, window);
    }
    window.count++;
    return Promise.resolve({ ...window });
  }

  close(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * Counters in Redis (INCR and PEXPIRE in one MULTI), shared by every app process. While Redis
 * cannot answer, each process counts on its own rather than refusing or stalling requests.
 */
class RedisRateStore implements RateStore {
  private readonly fallback = new MemoryRateStore();
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly log: Logger,
  ) {
    redis.on('error', (error: Error) => this.degrade(error));
    redis.on('ready', () => {
      if (this.degraded) this.log.info('rate limits: Redis is back; limits are shared again');
      this.degraded = false;
    });
  }

  async hit(key: string, windowMs: number, now: number) {
    const resetAt = windowEnd(now, windowMs);
    const bucket = `rapport:rate:${key}:${resetAt}`;
    try {
      const results = await this.redis
        .multi()
        .incr(bucket)
        .pexpire(bucket, resetAt - now)
        .exec();
      const [incr] = results ?? [];
      if (!incr || incr[0]) throw incr?.[0] ?? new Error('the MULTI was discarded');
      return { count: Number(incr[1]), resetAt };
    } catch (error) {
      this.degrade(error);
      return this.fallback.hit(key, windowMs, now);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }

  private degrade(error: unknown): void {
    if (!this.degraded) {
      this.log.warn(
        { err: error },
        'rate limits: Redis is unavailable; counting in this process until it is back',
      );
    }
    this.degraded = true;
  }
}

/** Redis when RAPPORT_REDIS_URL is set, memory otherwise. */
async function createRateStore(redisUrl: string | null, log: Logger): Promise<RateStore> {
  if (!redisUrl) return new MemoryRateStore();
  const { Redis } = requireWhenNeeded<typeof IoRedis>('ioredis');
  const redis = new Redis(redisUrl, {
    // Fail fast instead of queueing: a request must not wait for Redis to come back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: true,
  });
  const store = new RedisRateStore(redis, log);
  // A first connection that fails leaves ioredis reconnecting in the background.
  await redis.connect().catch(() => undefined);
  return store;
}

/** Request rate limits on sign-in, sign-up and sending; off with RAPPORT_RATE_LIMITS=off. */
function rateLimitHook(store: RateStore, clock: Clock) {
  return async (request: FastifyRequest): Promise<void> => {
    const name = request.routeOptions.config.rateLimit;
    const rule = name ? RATE_RULES[name] : undefined;
    if (!name || !rule) return;
    const who = rule.by === 'member' ? request.memberId : request.ip;
    const now = clock.now().getTime();
    const { count, resetAt } = await store.hit(`${name}:${who}`, rule.windowMs, now);
    if (count > rule.max) {
      throw new DomainError(
        'rate_limited',
        'Too many requests; please wait a moment and try again.',
        {
          retryAt: new Date(resetAt),
        },
      );
    }
  };
}

/** Adds the limits to the API scope and closes their store with the app. */
export async function registerRateLimits(api: App, ctx: AppContext): Promise<void> {
  if (!ctx.config.rateLimits) return;
  const store = await createRateStore(ctx.config.redisUrl, ctx.log);
  api.addHook('preHandler', rateLimitHook(store, ctx.clock));
  api.addHook('onClose', () => store.close());
}
