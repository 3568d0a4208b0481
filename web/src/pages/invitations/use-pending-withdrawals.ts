import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { bulkWithdraw, withdrawInvitation } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import { useToasts } from '../../components/Toasts.js';
import { useUndoWindow } from '../../components/use-undo-window.js';
import { plural } from '../../lib/member.js';

/** What one confirmation withdraws: the ids, and how the toast names them. */
export interface Withdrawal {
  ids: string[];
  /** The one recipient's name when a single invitation goes. */
  name?: string;
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
  const hold = useUndoWindow();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [restored, setRestored] = useState<readonly string[]>([]);

  const reveal = useCallback((ids: string[]) => {
    const shown = new Set(ids);
    setHidden((current) => new Set([...current].filter((id) => !shown.has(id))));
  }, []);

  const send = useCallback(
    async (ids: string[], leaving: boolean) => {
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
    [toasts, queryClient, reveal],
  );

  const schedule = useCallback(
    (withdrawal: Withdrawal) => {
      const { ids } = withdrawal;
      setHidden((current) => new Set([...current, ...ids]));
      hold({
        message: toastMessage(withdrawal),
        send: (leaving) => void send(ids, leaving),
        undone: () => {
          reveal(ids);
          setRestored(ids);
        },
        returnFocus,
      });
    },
    [hold, send, reveal, returnFocus],
  );

  return { hidden, schedule, restored };
}
