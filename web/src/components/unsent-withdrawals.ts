import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { bulkWithdraw } from '../api/endpoints.js';
import { describeError } from '../api/problem-messages.js';
import { refreshAfterChange } from '../api/queries.js';
import { plural } from '../lib/member.js';
import { useToasts } from './Toasts.js';

/**
 * A request that outlives its page (fetch's `keepalive`) may carry 64 KiB of body at most,
 * all such requests together; a withdrawal of some 2,100 invitations or more is larger, and the
 * browser refuses to send it. Such a withdrawal, confirmed but still waiting for its Undo when
 * the page goes away, is kept here for its member and sent when Rapport opens again.
 */
const KEY = 'rapport.unsentWithdrawals';
const KEEPALIVE_BYTES = 60_000;

/** Whether a withdrawal of `ids` can go as the page goes away. */
export function fitsKeepalive(ids: readonly string[]): boolean {
  return JSON.stringify({ ids }).length <= KEEPALIVE_BYTES;
}

type Unsent = Record<string, string[][]>;

const isIdLists = (value: unknown): value is string[][] =>
  Array.isArray(value) &&
  value.every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'));

/** What storage holds, leaving out anything that is not a list of id lists. */
function read(): Unsent {
  let value: unknown;
  try {
    value = JSON.parse(localStorage.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([, lists]) => isIdLists(lists)));
}

/** Keeps a withdrawal of `memberId`'s that could not be sent as the page went away. */
export function keepUnsent(memberId: string, ids: string[]): void {
  const unsent = read();
  unsent[memberId] = [...(unsent[memberId] ?? []), ids];
  localStorage.setItem(KEY, JSON.stringify(unsent));
}

/** The member's kept withdrawals, taken out of storage so that each is sent once. */
function takeUnsent(memberId: string): string[][] {
  const unsent = read();
  const mine = unsent[memberId] ?? [];
  if (mine.length === 0) return [];
  delete unsent[memberId];
  localStorage.setItem(KEY, JSON.stringify(unsent));
  return mine;
}

/** Sends, once the member is known, the withdrawals they confirmed before the page went away. */
export function useUnsentWithdrawals(memberId: string | undefined): void {
  const toasts = useToasts();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (memberId === undefined) return;
    const batches = takeUnsent(memberId);
    if (batches.length === 0) return;
    void (async () => {
      let withdrawn = 0;
      for (const ids of batches) {
        try {
          withdrawn += (await bulkWithdraw({ ids })).count;
        } catch (error) {
          toasts.show({ message: describeError(error), tone: 'error' });
        }
      }
      await refreshAfterChange(queryClient);
      // None withdrawn: each had been answered meanwhile, or the request failed and said so.
      if (withdrawn > 0)
        toasts.show({
          message: `${plural(withdrawn, 'invitation')} withdrawn, as you confirmed before leaving the page.`,
        });
    })();
  }, [memberId, toasts, queryClient]);
}
