import type { RuleConfig } from '../config.js';
import type { Database } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { lockExpired } from '../modules/invitations/invitation.withdrawals.repository.js';
import { transition } from '../modules/invitations/invitation.transitions.js';
import type { Job } from './job.js';

const BATCH = 500;

/** R13: open invitations expire 180 days after sending and silently leave both lists; no cooldown. */
export function expiryJob(database: Database, clock: Clock, rules: RuleConfig): Job {
  return {
    name: 'expiry',
    async run() {
      const env = { now: clock.now(), rules };
      let expired = 0;
      for (;;) {
        const count = await database.transaction(async (tx) => {
          const due = await lockExpired(tx, env.now, BATCH);
          await transition(tx, due, { kind: 'expire' }, env);
          return due.length;
        });
        expired += count;
        if (count < BATCH) return { expired };
      }
    },
  };
}
