import type { Database } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { addDays } from '../lib/time.js';
import { withdrawIds } from '../modules/invitations/invitation.cleanup.js';
import {
  autoWithdrawSettings,
  lockAutoWithdrawable,
} from '../modules/invitations/withdrawal.repository.js';
import type { Job } from './job.js';

const BATCH = 500;

/**
 * R18: for members who turned on automatic withdrawal after N days, withdraws their open
 * invitations sent at least N days ago, with every effect of a withdrawal (R14–R16), except
 * the kept ones. In batches, each its own transaction; a second run finds nothing left to do.
 */
export function autoWithdrawJob(database: Database, clock: Clock): Job {
  return {
    name: 'auto-withdraw',
    async run() {
      const now = clock.now();
      const at = now.toISOString();
      let withdrawn = 0;
      for (const days of await autoWithdrawSettings(database.db)) {
        const sentBefore = addDays(now, -days).toISOString();
        for (;;) {
          const [locked, changed] = await database.transaction(async (db) => {
            const ids = await lockAutoWithdrawable(db, days, sentBefore, at, BATCH);
            return [ids.length, (await withdrawIds(db, ids, 'automatic', now)).length] as const;
          });
          withdrawn += changed;
          if (locked < BATCH) break;
        }
      }
      return { withdrawn };
    },
  };
}
