import type { IdempotencyService } from '../modules/idempotency/idempotency.service.js';
import type { Job } from './job.js';

/** R36: stored answers are kept for the replay window and no longer. */
export function idempotencyJob(idempotency: IdempotencyService): Job {
  return {
    name: 'idempotency',
    async run() {
      return { forgotten: await idempotency.forgetExpired() };
    },
  };
}
