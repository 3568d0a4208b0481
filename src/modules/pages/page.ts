/** R21's monthly invitation credits as pure functions of the time. */
import { monthKey, startOfNextMonth } from '../../lib/time.js';

export interface PageCredits {
  limit: number;
  used: number;
  remaining: number;
  /** When the credits renew: the 1st of next month, 00:00 UTC. */
  renewsAt: string;
}

/** The calendar month (UTC) whose credits a send at `now` spends. */
export function creditMonth(now: Date): string {
  return monthKey(now);
}

export function pageCredits(used: number, limit: number, now: Date): PageCredits {
  return {
    limit,
    used,
    remaining: Math.max(0, limit - used),
    renewsAt: startOfNextMonth(now).toISOString(),
  };
}
