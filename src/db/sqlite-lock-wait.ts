import { setTimeout as sleep } from 'node:timers/promises';
import { isLockedByAnother } from './errors.js';

/** How long a write waits for another process to give SQLite's write lock back. */
export const LOCK_WAIT_MS = 5000;

/**
 * The pauses between attempts, as SQLite's own busy handler makes them, but never past 25 ms,
 * so that a write goes ahead soon after the lock is given back.
 */
const PAUSES_MS = [1, 2, 5, 10, 15, 20, 25];

/**
 * Runs `attempt` until it no longer finds SQLite's write lock held by another process, pausing
 * between tries on a timer (`pauseFor`, which may give the connection to others meanwhile), and
 * throws the last "busy" error once `limitMs` have passed.
 *
 * SQLite's busy timeout would wait inside the call instead: on the one thread that serves
 * requests, so that while a command or another process held the lock, every request, reads
 * included, stood still for up to the whole timeout, one write after another.
 */
export async function waitingOutLock<T>(
  attempt: () => Promise<T>,
  limitMs = LOCK_WAIT_MS,
  pauseFor: (ms: number) => Promise<unknown> = sleep,
): Promise<T> {
  // Taken at the first refusal, so that a statement that finds the lock free costs one call.
  let deadline: number | undefined;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLockedByAnother(error)) throw error;
      deadline ??= performance.now() + limitMs;
      const ms = PAUSES_MS[Math.min(tries, PAUSES_MS.length - 1)] ?? 0;
      if (performance.now() + ms > deadline) throw error;
      await pauseFor(ms);
    }
  }
}
