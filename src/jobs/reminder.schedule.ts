import { addDays } from '../lib/time.js';

export interface ReminderPlan {
  /** Whether a reminder mail goes out now. */
  send: boolean;
  /** When the next reminder is due, or null when none is left. */
  nextAt: Date | null;
}

/**
 * R12: a reminder that has come due. At most `reminderDays.length` reminders go out; a run that
 * was missed catches up with one mail, not one per missed slot, and skips slots already past.
 */
export function planReminder(
  sentAt: Date,
  remindersSent: number,
  reminderDays: number[],
  now: Date,
): ReminderPlan {
  const send = remindersSent < reminderDays.length;
  const next = reminderDays
    .slice(remindersSent + 1)
    .map((days) => addDays(sentAt, days))
    .find((at) => at > now);
  return { send, nextAt: send ? (next ?? null) : null };
}
