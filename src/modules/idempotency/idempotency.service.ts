import { createHash } from 'node:crypto';
import { DomainError } from '../../lib/errors.js';
import { HOUR_MS } from '../../lib/time.js';
import type { ServiceDeps } from '../deps.js';
import {
  claimKey,
  deleteKeyMadeBefore,
  deleteKeysMadeBefore,
  findKey,
  releaseKey,
  storeAnswer,
} from './idempotency.repository.js';

/** R36: how long a first answer is repeated. */
export const REPLAY_WINDOW_MS = 24 * HOUR_MS;

/**
 * How long a claimed key waits for its request's answer: far longer than any request runs (a
 * contacts import of a whole 1 MiB body, a clean-up of 10,000, take seconds). A claim older than
 * this was left by a process that ended before it answered (killed, crashed, its host gone), and
 * its key is free again, where it stayed "still running" for the whole 24 hours.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** How soon a repeat of a request still running is worth trying again (its `Retry-After`). */
const IN_USE_RETRY_MS = 1000;

export interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

export type Admission = { run: true } | { run: false; answer: StoredAnswer };

/**
 * What makes two requests "the same": method, path with query, and body as a JSON value, so a
 * client that sends its fields in another order or spacing on a retry is still repeating itself.
 */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method, url, body ?? null], keysInOrder))
    .digest('hex');
}

/** Each object with its keys sorted, for one serialisation of equal JSON values. */
function keysInOrder(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * R36 Idempotency-Key: the first request with a key runs and its answer is kept; a repeat
 * within 24 hours gets that answer, or 409 while the first still runs; the same key with
 * another request is refused with 422.
 */
export class IdempotencyService {
  constructor(private readonly deps: ServiceDeps) {}

  async admit(memberId: string, key: string, hash: string): Promise<Admission> {
    const { db } = this.deps.database;
    const now = this.deps.clock.now();
    const windowStart = new Date(now.getTime() - REPLAY_WINDOW_MS).toISOString();
    const row = { member_id: memberId, key, request_hash: hash, created_at: now.toISOString() };
    // Each statement commits on its own: the claim must be visible to other processes at once.
    for (;;) {
      if (await claimKey(db, row)) return { run: true };
      const first = await findKey(db, memberId, key);
      // Gone between the two statements (its request failed), or from an earlier window: retry.
      if (!first || (await deleteKeyMadeBefore(db, memberId, key, windowStart))) continue;
      if (first.request_hash !== hash) {
        throw new DomainError(
          'idempotency_key_reused',
          'This Idempotency-Key was already used for another request in the last 24 hours.',
        );
      }
      if (first.status === null) {
        const leaseStart = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString();
        if (await releaseKey(db, memberId, key, leaseStart)) continue;
        throw new DomainError(
          'idempotency_key_in_use',
          'A request with this Idempotency-Key is still running; repeat it in a moment.',
          { retryAt: new Date(now.getTime() + IN_USE_RETRY_MS) },
        );
      }
      return {
        run: false,
        answer: {
          status: first.status,
          contentType: first.content_type,
          body: first.response_body ?? '',
        },
      };
    }
  }

  /**
   * Keeps the answer to repeat. A server error or a rate limit keeps nothing: the request did
   * not happen, and may be tried again under its key.
   */
  async finish(memberId: string, key: string, answer: StoredAnswer): Promise<void> {
    const { db } = this.deps.database;
    if (answer.status >= 500 || answer.status === 429) await releaseKey(db, memberId, key);
    else await storeAnswer(db, memberId, key, answer);
  }

  /** Forgets keys past the window (a job), so stored answers do not outlive it. */
  async forgetExpired(): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - REPLAY_WINDOW_MS).toISOString();
    return deleteKeysMadeBefore(this.deps.database.db, before);
  }
}
