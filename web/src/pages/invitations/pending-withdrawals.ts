import type { SentFilter, SentInvitation } from '../../api/types.js';
import { DAY_MS } from '../../lib/time.js';
import type { KindFilter } from './sent-view.js';

/** A sent invitation whose withdrawal waits for its Undo to end. */
export interface PendingWithdrawal {
  invitation: SentInvitation;
  /** The Sent list's search when it was chosen; empty for none. */
  q: string;
  /** Whether it was older than the stale age (R18) when it was chosen. */
  stale: boolean;
}

/** What a withdrawal chosen at `now` under the search `q` holds back, for the counts. */
export function pendingWithdrawals(
  invitations: readonly SentInvitation[],
  q: string,
  staleAfterDays: number | undefined,
  now: number,
): PendingWithdrawal[] {
  const staleBefore = staleAfterDays === undefined ? -Infinity : now - staleAfterDays * DAY_MS;
  return invitations.map((invitation) => ({
    invitation,
    q,
    stale: Date.parse(invitation.sentAt) <= staleBefore,
  }));
}

/**
 * Whether the Sent list that `filter` asks for holds `pending`. A loaded row says so itself; a
 * bulk withdrawal's others are judged by their kind and age, and by the search they were chosen
 * under: whether another search holds them only the server knows, so they count there only once
 * their rows load.
 */
export function isListed(
  pending: PendingWithdrawal,
  filter: Pick<SentFilter, 'olderThanDays' | 'q'>,
  loaded: ReadonlySet<string>,
): boolean {
  if (loaded.has(pending.invitation.id)) return true;
  if (filter.q && pending.q !== filter.q) return false;
  return filter.olderThanDays === undefined || pending.stale;
}

/**
 * The chips' counts with the invitations waiting for their Undo taken off, each from its kind
 * and from All, so every chip agrees with the list meanwhile, however few of them have loaded.
 */
export function withoutPending(
  counts: Record<KindFilter, number> | undefined,
  listed: readonly PendingWithdrawal[],
): Record<KindFilter, number> | undefined {
  if (!counts) return undefined;
  const shown = { ...counts };
  for (const { invitation } of listed) {
    shown[invitation.kind] = Math.max(0, shown[invitation.kind] - 1);
    shown.all = Math.max(0, shown.all - 1);
  }
  return shown;
}
