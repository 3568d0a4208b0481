/** How long delivery keeps trying a mail that fails for a reason that may pass. */

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60_000;

/**
 * After the `attempts`-th failed try: 5 minutes, then twice as long each time (5, 10, 20 … 320
 * minutes), so eight tries span about ten and a half hours — long enough to ride out a mail
 * server's outage, short enough that a reminder is not days late. Null when no try is left.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  maxAttempts = MAX_ATTEMPTS,
): Date | null {
  if (attempts >= maxAttempts) return null;
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return new Date(now.getTime() + wait);
}
