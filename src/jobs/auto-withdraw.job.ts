import type { RuleConfig } from '../config.js';
import type { Database } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { addDays } from '../lib/time.js';
import { transition } from '../modules/invitations/invitation.transitions.js';
import {
  autoWithdrawSettings,
  lockAutoWithdrawable,
} from '../modules/invitations/invitation.withdrawals.repository.js';
import type { Job } from './job.js';

const BATCH = 500;

/**
 * R18: for members who turned on automatic withdrawal after N days, withdraws their open
 * invitations sent at least N days ago, with every effect of a withdrawal (R14–R16), except
 * the kept ones. In batches, each its own transaction; a second run finds nothing left to do.
 */
export function autoWithdrawJob(database: Database, clock: Clock, rules: RuleConfig): Job {
  return {
    name: 'auto-withdraw',
    async run() {
      const env = { now: clock.now(), rules };
      const at = env.now.toISOString();
      let withdrawn = 0;
      for (const days of await autoWithdrawSettings(database.db)) {
        const sentBefore = addDays(env.now, -days).toISOString();
        for (;;) {
          const [locked, changed] = await database.transaction(async (tx) => {
            const due = await lockAutoWithdrawable(tx, days, sentBefore, at, BATCH);
            const changed = await transition(
              tx,
              due,
              { kind: 'withdraw', cause: 'automatic' },
              env,
            );
            return [due.length, changed.length] as const;
          });
          withdrawn += changed;
          if (locked < BATCH) break;
        }
      }
      return { withdrawn };
    },
  };
}
