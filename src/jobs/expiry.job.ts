import { expireInvitations, statusIn } from '../modules/invitations/invitation.repository.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { TRANSITION_FROM } from '../modules/invitations/invitation.js';
import { eraseFromRecipient } from '../modules/invitations/invitation.effects.js';
import { emitWebhookEvent } from '../modules/webhooks/webhook.emit.js';
import type { Job } from './job.js';

const BATCH = 500;

/** R13: open invitations expire 180 days after sending and silently leave both lists; no cooldown. */
export function expiryJob(database: Database, clock: Clock): Job {
  return {
    name: 'expiry',
    async run() {
      const now = clock.now();
      const at = now.toISOString();
      let expired = 0;
      for (;;) {
        const count = await database.transaction(async (db) => {
          const due = await db
            .selectFrom('invitations')
            .select('id')
            .where(statusIn(TRANSITION_FROM.expire))
            .where('expires_at', '<=', at)
            .limit(BATCH)
            .forUpdate()
            .skipLocked()
            .execute();
          const ids = due.map((d) => d.id);
          if (ids.length === 0) return 0;
          const expired = await expireInvitations(db, ids, at);
          await eraseFromRecipient(db, expired, now);
          await emitWebhookEvent(db, { type: 'invitation.expired', invitations: expired }, now);
          return ids.length;
        });
        expired += count;
        if (count < BATCH) return { expired };
      }
    },
  };
}
