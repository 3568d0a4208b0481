import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type * as IoRedis from 'ioredis';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppContext } from '../context.js';
import type { Clock } from '../lib/clock.js';
import { asList } from '../lib/arrays.js';
import { DomainError } from '../lib/errors.js';
import { hashSecret } from '../lib/ids.js';
import { requireWhenNeeded } from '../lib/require-when-needed.js';
import { SignInLimiter } from './sign-in-limit.js';
import type { App } from './types.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The RATE_RULES entries that limit the route, each counted on its own. */
    rateLimit?: string | string[];
    /** For a route limited only by some of its bodies: whether `body` is one of them. */
    rateLimitWhen?: (body: unknown) => boolean;
  }
}

interface RateRule {
  max: number;
  windowMs: number;
  /**
   * What the limit counts by: the caller's address, the signed-in member, or the email address
   * the body names, counted alike whether or not an account has it.
   */
  by: 'ip' | 'member' | 'email';
}

/** Sign-in is limited by its failures instead, per address and per account (sign-in-limit.ts). */
const RATE_RULES: Record<string, RateRule> = {
  signUp: { max: 20, windowMs: 60 * 60_000, by: 'ip' },
  invite: { max: 60, windowMs: 60_000, by: 'member' },
  verificationMail: { max: 5, windowMs: 60 * 60_000, by: 'member' },
  passwordReset: { max: 10, windowMs: 60 * 60_000, by: 'ip' },
  // However many addresses ask, an inbox gets at most 5 reset links an hour (R26).
  passwordResetMail: { max: 5, windowMs: 60 * 60_000, by: 'email' },
};

/**
 * Fixed windows aligned to the clock (every `windowMs` from the epoch), so processes that share
 * a store count into the same window without agreeing on when it started.
 */
export function windowEnd(now: number, windowMs: number): number {
  return now - (now % windowMs) + windowMs;
}

/** The most events a sliding log keeps per key: more than any limit counted with one. */
const LOG_CAP = 50;

/**
 * Fixed-window counters and sliding logs of events: in memory for one process, in Redis when
 * several share limits.
 */
export interface RateStore {
  hit(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
  /** Records an event under `key` in a log that keeps the last `windowMs`. */
  record(key: string, windowMs: number, now: number): Promise<void>;
  /** The times of the events under `key` in the `windowMs` before `now`, oldest first. */
  recent(key: string, windowMs: number, now: number): Promise<number[]>;
  close(): Promise<void>;
}

export class MemoryRateStore implements RateStore {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private logs = new Map<string, number[]>();

  record(key: string, windowMs: number, now: number): Promise<void> {
    if (this.logs.size > 100_000) this.pruneLogs(now, windowMs);
    const log = [...this.inWindow(key, windowMs, now), now].slice(-LOG_CAP);
    this.logs.set(key, log);
    return Promise.resolve();
  }

  recent(key: string, windowMs: number, now: number): Promise<number[]> {
    return Promise.resolve(this.inWindow(key, windowMs, now));
  }

  private inWindow(key: string, windowMs: number, now: number): number[] {
    return (this.logs.get(key) ?? []).filter((at) => at > now - windowMs);
  }

  private pruneLogs(now: number, windowMs: number): void {
    for (const [key, log] of this.logs) {
      if (log.every((at) => at <= now - windowMs)) this.logs.delete(key);
    }
  }

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
    this.logs.clear();
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

  /** A sorted set per key, scored by time; members are made unique by a random suffix. */
  async record(key: string, windowMs: number, now: number): Promise<void> {
    const log = `rapport:log:${key}`;
    try {
      const results = await this.redis
        .multi()
        .zadd(log, now, `${now}:${randomBytes(6).toString('hex')}`)
        .zremrangebyscore(log, '-inf', now - windowMs)
        .zremrangebyrank(log, 0, -LOG_CAP - 1)
        .pexpire(log, windowMs)
        .exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('the MULTI was discarded');
    } catch (error) {
      this.degrade(error);
      await this.fallback.record(key, windowMs, now);
    }
  }

  async recent(key: string, windowMs: number, now: number): Promise<number[]> {
    try {
      const scored = await this.redis.zrangebyscore(
        `rapport:log:${key}`,
        `(${now - windowMs}`,
        '+inf',
        'WITHSCORES',
      );
      return scored.filter((_, i) => i % 2 === 1).map(Number);
    } catch (error) {
      this.degrade(error);
      return this.fallback.recent(key, windowMs, now);
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

/** The email address a validated body names, as accounts are looked up by it. */
function bodyEmail(body: unknown): string {
  const email: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'email') : '';
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/** What a request is counted under; an email address only as its hash, as Redis may keep it. */
function counted(request: FastifyRequest, by: RateRule['by']): string {
  if (by === 'member') return request.memberId;
  return by === 'email' ? hashSecret(bodyEmail(request.body)) : request.ip;
}

/** Request rate limits on sign-in, sign-up and sending; off with RAPPORT_RATE_LIMITS=off. */
function rateLimitHook(store: RateStore, clock: Clock) {
  return async (request: FastifyRequest): Promise<void> => {
    const { rateLimit, rateLimitWhen } = request.routeOptions.config;
    if (rateLimitWhen && !rateLimitWhen(request.body)) return;
    for (const name of asList(rateLimit)) {
      const rule = RATE_RULES[name];
      if (!rule) continue;
      const now = clock.now().getTime();
      const key = `${name}:${counted(request, rule.by)}`;
      const { count, resetAt } = await store.hit(key, rule.windowMs, now);
      if (count > rule.max) {
        throw new DomainError(
          'rate_limited',
          'Too many requests; please wait a moment and try again.',
          { retryAt: new Date(resetAt) },
        );
      }
    }
  };
}

/**
 * Adds the limits to the API scope, with the sign-in limiter its routes use, and closes their
 * store with the app.
 */
export async function registerRateLimits(api: App, ctx: AppContext): Promise<void> {
  if (!ctx.config.rateLimits) {
    api.decorate('signInLimit', new SignInLimiter(null, ctx.clock));
    return;
  }
  const store = await createRateStore(ctx.config.redisUrl, ctx.log);
  api.decorate('signInLimit', new SignInLimiter(store, ctx.clock));
  api.addHook('preHandler', rateLimitHook(store, ctx.clock));
  api.addHook('onClose', () => store.close());
}
