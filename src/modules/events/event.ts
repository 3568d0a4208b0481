/** R22's rolling weekly allowance of invitations per event, as pure functions. */
import { weeklyRetryAt, weekWindowStart } from '../invitations/invitation.js';

export interface EventInvitationQuota {
  limit: number;
  /** Invitations to the event sent in the last 7 days, by any organizer. */
  used: number;
  remaining: number;
  /** When the oldest invitation of the window leaves it, freeing one more; null when none is in it. */
  renewsAt: string | null;
}

/** The rolling window is the seven days before `now`. */
export function eventWindowStart(now: Date): Date {
  return weekWindowStart(now);
}

export function eventQuota(
  window: { count: number; oldest: string | null },
  limit: number,
): EventInvitationQuota {
  return {
    limit,
    used: window.count,
    remaining: Math.max(0, limit - window.count),
    renewsAt: window.oldest ? weeklyRetryAt(new Date(window.oldest)).toISOString() : null,
  };
}

/** When one more invitation fits in the window again. */
export function eventLimitRetryAt(oldest: string | null, now: Date): Date {
  return weeklyRetryAt(oldest ? new Date(oldest) : now);
}
