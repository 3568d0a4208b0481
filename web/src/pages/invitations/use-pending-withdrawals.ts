import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { bulkWithdraw, withdrawInvitation } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import { useToasts } from '../../components/Toasts.js';
import { plural } from '../../lib/member.js';
import { isUndoShortcut, UNDO_MS } from '../../lib/undo.js';

/** What one confirmation withdraws: the ids, and how the toast names them. */
export interface Withdrawal {
  ids: string[];
  /** The one recipient's name when a single invitation goes. */
  name?: string;
}

interface Batch {
  ids: string[];
  timer: number;
  toastId: number;
}

function toastMessage({ ids, name }: Withdrawal): string {
  if (ids.length === 1 && name) return `Invitation to ${name} withdrawn.`;
  return `${plural(ids.length, 'invitation')} withdrawn.`;
}

/**
 * Withdrawals wait for the Undo toast to end before anything is sent. Leaving the page
 * (or closing the tab) sends whatever is still waiting. `returnFocus` takes the keyboard when a
 * toast that held it ends by itself; after an Undo, `restored` names the invitations it brought
 * back, for the page to put the keyboard on once they show again.
 */
export function usePendingWithdrawals(returnFocus: () => void) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const batches = useRef(new Map<number, Batch>());
  const nextBatch = useRef(1);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [restored, setRestored] = useState<readonly string[]>([]);

  const reveal = useCallback((ids: string[]) => {
    const shown = new Set(ids);
    setHidden((current) => new Set([...current].filter((id) => !shown.has(id))));
  }, []);

  const take = useCallback(
    (batchId: number, focusBack = true): Batch | undefined => {
      const batch = batches.current.get(batchId);
      if (!batch) return undefined;
      batches.current.delete(batchId);
      window.clearTimeout(batch.timer);
      toasts.dismiss(batch.toastId, { returnFocus: focusBack });
      return batch;
    },
    [toasts],
  );

  const commit = useCallback(
    async (batchId: number, leaving = false) => {
      const batch = take(batchId);
      if (!batch) return;
      const { ids } = batch;
      try {
        if (ids.length === 1) await withdrawInvitation(ids[0]!, leaving);
        else {
          const result = await bulkWithdraw({ ids }, leaving);
          const missed = ids.length - result.count;
          if (missed > 0 && !leaving)
            toasts.show({ message: `${plural(missed, 'invitation')} had already been answered.` });
        }
      } catch (error) {
        toasts.show({ message: describeError(error), tone: 'error' });
      }
      if (leaving) return;
      await refreshAfterChange(queryClient);
      reveal(ids);
    },
    [take, toasts, queryClient, reveal],
  );

  const undo = useCallback(
    (batchId: number) => {
      const batch = take(batchId, false);
      if (!batch) return;
      reveal(batch.ids);
      setRestored(batch.ids);
    },
    [take, reveal],
  );

  const schedule = useCallback(
    (withdrawal: Withdrawal) => {
      const batchId = nextBatch.current++;
      const { ids } = withdrawal;
      setHidden((current) => new Set([...current, ...ids]));
      // Focus goes to Undo at once, so a keyboard or screen-reader user can take it back in time.
      const toastId = toasts.show({
        message: toastMessage(withdrawal),
        action: { label: 'Undo', onClick: () => undo(batchId), keyShortcuts: 'Control+Z Meta+Z' },
        duration: null,
        onClose: () => void commit(batchId),
        focusAction: true,
        returnFocus,
      });
      const timer = window.setTimeout(() => void commit(batchId), UNDO_MS);
      batches.current.set(batchId, { ids, timer, toastId });
    },
    [toasts, undo, commit, returnFocus],
  );

  // Ctrl+Z (⌘Z) takes back the newest withdrawal still waiting, wherever the focus is, except in a
  // field, where it undoes typing.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isUndoShortcut(event) || batches.current.size === 0) return;
      event.preventDefault();
      undo(Math.max(...batches.current.keys()));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  useEffect(() => {
    const sendAll = (leaving: boolean) => {
      for (const batchId of [...batches.current.keys()]) void commit(batchId, leaving);
    };
    const onPageHide = () => sendAll(true);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      sendAll(false);
    };
  }, [commit]);

  return { hidden, schedule, restored };
}
