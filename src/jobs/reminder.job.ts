import type { RuleConfig } from '../config.js';
import type { Database } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { payloadOf } from '../modules/invitations/invitation.effects.js';
import { findMembersByIds } from '../modules/members/member.repository.js';
import { enqueueMail, pendingMail } from '../modules/outbox/outbox.repository.js';
import type { Job } from './job.js';
import { advanceReminder, dueReminders } from './reminder.repository.js';
import { planReminder } from './reminder.schedule.js';

const BATCH = 200;

/**
 * R12: reminder mails for connection invitations still pending 3 and 10 days after sending.
 * Driven by `remind_at <= now`, so a missed run catches up; the mail is queued in the same
 * transaction as the conditional move of `remind_at`, so a reminder is queued once, and a state
 * change that wins the race finds it in the outbox and cancels it with the invitation.
 */
export function reminderJob(database: Database, clock: Clock, rules: RuleConfig): Job {
  return {
    name: 'reminders',
    async run() {
      let queued = 0;
      let moved = 0;
      for (;;) {
        const now = clock.now();
        const at = now.toISOString();
        const batch = await database.transaction(async (db) => {
          const due = await dueReminders(db, at, BATCH);
          const members = await findMembersByIds(
            db,
            due.flatMap((row) => [row.sender_id, row.recipient_id]),
          );
          for (const row of due) {
            const plan = planReminder(
              new Date(row.sent_at),
              row.reminders_sent,
              rules.reminderDays,
              now,
            );
            const nextAt = plan.nextAt?.toISOString() ?? null;
            if (!(await advanceReminder(db, row, nextAt, plan.send))) continue;
            moved++;
            const sender = members.get(row.sender_id);
            const recipient = members.get(row.recipient_id);
            if (!plan.send || !recipient.email_reminders) continue;
            await enqueueMail(
              db,
              pendingMail(
                {
                  id: newId(now),
                  recipient_id: recipient.id,
                  to_email: recipient.email,
                  template: 'reminder',
                  invitation_id: row.id,
                  expects_status: 'pending',
                  payload: payloadOf(sender, row, null),
                },
                at,
              ),
            );
            queued++;
          }
          return due.length;
        });
        if (batch < BATCH) return { queued, moved };
      }
    },
  };
}
