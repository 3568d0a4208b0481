import type { SentFilter, SentInvitation } from '../../api/types.js';
import { DAY_MS } from '../../lib/time.js';
import type { KindFilter } from './kind-filter.js';

/** A sent invitation whose withdrawal waits for its Undo to end. */
export interface PendingWithdrawal {
  invitation: SentInvitation;
  /** The Sent list's search when it was chosen; empty for none. */
  q: string;
  /** Whether it was older than the stale age (R18) when it was chosen. */
  stale: boolean;
}

/** What a withdrawal chosen at `now` under the search `q` holds back, by id, for the counts. */
export function pendingWithdrawals(
  invitations: readonly SentInvitation[],
  q: string,
  staleAfterDays: number | undefined,
  now: number,
): Map<string, PendingWithdrawal> {
  const staleBefore = staleAfterDays === undefined ? -Infinity : now - staleAfterDays * DAY_MS;
  return new Map(
    invitations.map((invitation) => [
      invitation.id,
      { invitation, q, stale: Date.parse(invitation.sentAt) <= staleBefore },
    ]),
  );
}

/**
 * Those of `waiting` that the Sent list `filter` asks for holds, `items` being its rows loaded.
 * Nothing waits most of the time, and then the loaded rows are not walked.
 */
export function listedPending(
  waiting: Iterable<PendingWithdrawal | undefined>,
  filter: Pick<SentFilter, 'olderThanDays' | 'q'>,
  items: readonly SentInvitation[],
): PendingWithdrawal[] {
  const known = [...waiting].filter((p): p is PendingWithdrawal => p !== undefined);
  if (known.length === 0) return [];
  const loaded = new Set(items.map((invitation) => invitation.id));
  return known.filter((p) => isListed(p, filter, loaded));
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
