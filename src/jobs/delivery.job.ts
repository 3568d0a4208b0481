import type { Logger } from 'pino';
import type { Database, Tx } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { accountMailToken, DELIVERED_ACCOUNT_MAIL, type MailComposer } from '../mail/compose.js';
import { classifySendError, type Mailer } from '../mail/mailer.js';
import { allows, awaitsVerification, isAccountMail } from '../mail/preferences.js';
import { linkStillWorks } from '../modules/accounts/credential.service.js';
import { lockInvitation } from '../modules/invitations/invitation.repository.js';
import { findMemberById } from '../modules/members/member.repository.js';
import {
  cancelMail,
  claimDueMail,
  markFailed,
  markSent,
  type OutboxRow,
  replacePayload,
  scheduleRetry,
  startAttempt,
} from '../modules/outbox/outbox.repository.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './delivery.backoff.js';
import type { Job } from './job.js';

export interface DeliveryDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  compose: MailComposer;
  log: Logger;
  /** R25: mail other than account mail waits for a verified address. */
  requireVerifiedEmail: boolean;
}

const BATCH = 20;
/** Longer than one send may take (see the mailer's timeouts), so a live claim is never taken over. */
const CLAIM_MS = 5 * 60_000;

type Outcome = 'sent' | 'retried' | 'failed' | 'cancelled' | 'skipped';

function later(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}

/**
 * Delivers outbox mail at least once (SPEC.md §5). Each try re-checks, in the transaction that
 * starts it, that the invitation is still in the state the mail is about and that the recipient
 * still wants such mail; otherwise the mail is cancelled (R12, R15). Temporary failures are
 * retried with back-off on the injectable clock; permanent ones and the last try end `failed`.
 *
 * A mail counts as handed over once the server accepts it. If a worker dies between that and
 * recording it, the mail goes out again after its claim runs out: at least once, not exactly once.
 */
export function deliveryJob(deps: DeliveryDeps, options: { batchSize?: number } = {}): Job {
  const batchSize = options.batchSize ?? BATCH;
  return {
    name: 'delivery',
    async run() {
      const counts: Record<Outcome, number> = {
        sent: 0,
        retried: 0,
        failed: 0,
        cancelled: 0,
        skipped: 0,
      };
      for (;;) {
        const now = deps.clock.now();
        const claimed = await claimDueMail(
          deps.database.db,
          now.toISOString(),
          later(now, CLAIM_MS),
          batchSize,
        );
        for (const mail of claimed) counts[await deliverOne(deps, mail)]++;
        if (claimed.length < batchSize) return counts;
      }
    },
  };
}

/** The claim on a row this worker claimed: claiming always sets claimed_until. */
function claimOf(row: OutboxRow): string {
  if (row.claimed_until === null) throw new Error(`outbox row ${row.id} carries no claim`);
  return row.claimed_until;
}

async function deliverOne(deps: DeliveryDeps, claimed: OutboxRow): Promise<Outcome> {
  const { database, clock } = deps;
  // The attempt is counted in a transaction of its own, so a worker that dies mid-send still
  // uses up a try and the bound on tries holds.
  const row = await database.transaction(async (db) => {
    const started = await startAttempt(
      db,
      claimed.id,
      claimOf(claimed),
      later(clock.now(), CLAIM_MS),
    );
    if (started && started.attempts > MAX_ATTEMPTS) {
      await markFailed(
        db,
        started.id,
        claimOf(started),
        `gave up after ${MAX_ATTEMPTS} tries that did not finish`,
      );
      return null;
    }
    return started;
  });
  if (!row) return 'skipped';
  return database.transaction((tx) => handOver(deps, tx, row));
}

/**
 * Checks and sends one mail in one transaction that holds its invitation locked: a withdrawal
 * or any other change either waits until the mail is handed over, or happens first and the mail
 * is cancelled. So a mail never goes out for an invitation no longer in the state it is about,
 * even when the two run at the same moment (R12, R15).
 */
async function handOver(deps: DeliveryDeps, tx: Tx, row: OutboxRow): Promise<Outcome> {
  const { clock, log } = deps;
  const claim = claimOf(row);
  if (row.invitation_id && row.expects_status) {
    const invitation = await lockInvitation(tx, row.invitation_id);
    if (invitation?.status !== row.expects_status) {
      await cancelMail(
        tx,
        row,
        `invitation is ${invitation?.status ?? 'gone'}, not ${row.expects_status}`,
      );
      return 'cancelled';
    }
  }
  const recipient = await findMemberById(tx, row.recipient_id);
  if (!recipient || !allows(recipient, row.template)) {
    await cancelMail(tx, row, 'the recipient turned this email off');
    return 'cancelled';
  }
  if (awaitsVerification(recipient, row.template, deps.requireVerifiedEmail)) {
    await cancelMail(tx, row, 'the recipient has not verified their email address');
    return 'cancelled';
  }
  if (
    isAccountMail(row.template) &&
    !(await linkStillWorks(tx, row.template, accountMailToken(row.payload), recipient, clock.now()))
  ) {
    await cancelMail(tx, row, 'its link no longer works: expired, used or void');
    return 'cancelled';
  }
  let mail;
  try {
    mail = deps.compose(row, recipient);
  } catch (error) {
    await markFailed(tx, row.id, claim, `cannot render: ${String(error)}`.slice(0, 500));
    log.error({ err: error, mail: row.id }, 'mail could not be rendered');
    return 'failed';
  }

  try {
    await deps.mailer.send({ to: row.to_email, messageId: `<${row.id}@rapport>`, ...mail });
  } catch (error) {
    const failure = classifySendError(error);
    const retryAt = failure.permanent ? null : nextAttemptAt(row.attempts, clock.now());
    if (retryAt) {
      await scheduleRetry(tx, row.id, claim, retryAt.toISOString(), failure.reason);
      log.info(
        { mail: row.id, attempts: row.attempts, retryAt, reason: failure.reason },
        'mail delivery will be retried',
      );
      return 'retried';
    }
    const reason = failure.permanent
      ? failure.reason
      : `${failure.reason} (gave up after ${row.attempts} tries)`;
    await markFailed(tx, row.id, claim, reason);
    log.warn({ mail: row.id, attempts: row.attempts, reason }, 'mail delivery failed');
    return 'failed';
  }

  if (!(await markSent(tx, row.id, claim, clock.now().toISOString()))) {
    log.warn(
      { mail: row.id },
      'mail sent after its claim ran out; another worker may send it again',
    );
  } else if (isAccountMail(row.template)) {
    // Only the recipient keeps the link; the database holds just its hash (R25, R26).
    await replacePayload(tx, row.id, JSON.stringify(DELIVERED_ACCOUNT_MAIL));
  }
  return 'sent';
}
