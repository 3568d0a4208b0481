import type { Logger } from 'pino';
import type { Database } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { insertNotification } from '../modules/notifications/notification.repository.js';
import {
  claimDueDeliveries,
  disableWebhook,
  endFailureRun,
  findWebhookById,
  finishDeliveryAttempt,
  insertAttempt,
  lockDelivery,
  recordFailure,
  startDeliveryAttempt,
  type WebhookDeliveryRow,
} from '../modules/webhooks/webhook.repository.js';
import { sendWebhook } from '../modules/webhooks/webhook.sender.js';
import {
  failureRunBrokenBefore,
  nextWebhookAttemptAt,
  shouldDisable,
} from '../modules/webhooks/webhook.js';
import type { Job } from './job.js';

export interface WebhookJobDeps {
  database: Database;
  clock: Clock;
  /** Signs the webhook-timestamp: receivers compare it with their own clock, so it is real time. */
  wallClock: Clock;
  allowPrivate: boolean;
  log: Logger;
}

const BATCH = 20;
/** Longer than one POST may take (its timeout is 10 s), so a live claim is never taken over. */
const CLAIM_MS = 5 * 60_000;

type Outcome = 'delivered' | 'retried' | 'failed' | 'cancelled' | 'disabled' | 'skipped';

function later(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}

/**
 * R35: delivers webhook events at least once, from the rows `emitWebhookEvents` wrote with each
 * change. Deliveries are claimed like mail (see delivery.job.ts), so of several workers one
 * makes each try; every try is logged; failures are retried with back-off for 24 hours, and a
 * webhook that has failed for 3 days, with no day between two failures, is turned off and its
 * owner told in the app.
 */
export function webhookJob(deps: WebhookJobDeps, options: { batchSize?: number } = {}): Job {
  const batchSize = options.batchSize ?? BATCH;
  return {
    name: 'webhooks',
    async run() {
      const counts: Record<Outcome, number> = {
        delivered: 0,
        retried: 0,
        failed: 0,
        cancelled: 0,
        disabled: 0,
        skipped: 0,
      };
      for (;;) {
        const now = deps.clock.now();
        const claimed = await claimDueDeliveries(
          deps.database.db,
          now.toISOString(),
          later(now, CLAIM_MS),
          batchSize,
        );
        for (const delivery of claimed) counts[await deliverOne(deps, delivery)]++;
        if (claimed.length < batchSize) return counts;
      }
    },
  };
}

/** The claim on a delivery this worker claimed: claiming always sets claimed_until. */
function claimOf(row: WebhookDeliveryRow): string {
  if (row.claimed_until === null) throw new Error(`webhook delivery ${row.id} carries no claim`);
  return row.claimed_until;
}

async function deliverOne(deps: WebhookJobDeps, claimed: WebhookDeliveryRow): Promise<Outcome> {
  const { database, clock } = deps;
  // Counted in a transaction of its own, so the try shows even if this worker dies mid-send.
  const row = await startDeliveryAttempt(
    database.db,
    claimed.id,
    claimOf(claimed),
    later(clock.now(), CLAIM_MS),
  );
  if (!row) return 'skipped';
  const claim = claimOf(row);
  const webhook = await findWebhookById(database.db, row.webhook_id);
  if (!webhook || webhook.disabled_at) {
    await finishDeliveryAttempt(database.db, row.id, claim, {
      status: 'cancelled',
      error: 'the webhook is turned off',
    });
    return 'cancelled';
  }

  const result = await sendWebhook(
    {
      url: webhook.url,
      secret: webhook.secret,
      id: row.id,
      body: row.payload,
      sentAt: deps.wallClock.now(),
    },
    deps.allowPrivate,
  );
  const now = clock.now();
  const at = now.toISOString();
  return database.transaction(async (db) => {
    // Taken back (R15) while this try ran: there is no delivery left to log it against.
    if (!(await lockDelivery(db, row.id))) return 'cancelled';
    await insertAttempt(db, {
      id: newId(now),
      delivery_id: row.id,
      webhook_id: webhook.id,
      attempted_at: at,
      response_status: result.status,
      error: result.ok ? null : result.error,
    });
    if (result.ok) {
      await finishDeliveryAttempt(db, row.id, claim, { status: 'delivered', at });
      await endFailureRun(db, webhook.id);
      return 'delivered';
    }
    const failingSince = await recordFailure(
      db,
      webhook.id,
      at,
      failureRunBrokenBefore(now).toISOString(),
    );
    if (shouldDisable(failingSince, now)) {
      if (await disableWebhook(db, webhook.id, at)) {
        await insertNotification(db, {
          id: newId(now),
          member_id: webhook.member_id,
          type: 'webhook_disabled',
          actor_id: null,
          invitation_id: null,
          created_at: at,
          read_at: null,
        });
        deps.log.warn({ webhook: webhook.id }, 'webhook turned off after 3 days of failures');
      }
      return 'disabled';
    }
    const retryAt = nextWebhookAttemptAt(row.attempts, new Date(row.created_at), now);
    await finishDeliveryAttempt(
      db,
      row.id,
      claim,
      retryAt
        ? { status: 'pending', nextAttemptAt: retryAt.toISOString(), error: result.error }
        : { status: 'failed', error: `${result.error} (gave up after 24 hours)` },
    );
    return retryAt ? 'retried' : 'failed';
  });
}
