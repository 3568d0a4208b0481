import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { bulkWithdraw, withdrawInvitation } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange, useMe } from '../../api/queries.js';
import { useToasts } from '../../components/Toasts.js';
import { fitsKeepalive, keepUnsent } from '../../components/unsent-withdrawals.js';
import { useUndoWindow } from '../../components/use-undo-window.js';
import { plural } from '../../lib/member.js';

/** What one confirmation withdraws: the ids, and how the toast names them. */
export interface Withdrawal<T> {
  ids: string[];
  /** The one recipient's name when a single invitation goes. */
  name?: string;
  /** What the page keeps of each id while it waits, for its counts. */
  details?: ReadonlyMap<string, T>;
}

function toastMessage<T>({ ids, name }: Withdrawal<T>): string {
  if (ids.length === 1 && name) return `Invitation to ${name} withdrawn.`;
  return `${plural(ids.length, 'invitation')} withdrawn.`;
}

/**
 * Withdrawals wait for the Undo toast to end before anything is sent. Leaving the page
 * (or closing the tab) sends whatever is still waiting, or keeps it to be sent when Rapport
 * opens again if it is too large to go with the page (unsent-withdrawals.ts). `hidden` holds each waiting id with the
 * details its withdrawal gave. `focusAfter(ids)`, asked as a withdrawal is scheduled (its rows
 * still shown), gives what takes the keyboard when its toast, having held it, ends by itself;
 * after an Undo, `restored` names the invitations it brought back, for the page to put the
 * keyboard on once they show again.
 */
export function usePendingWithdrawals<T = never>(
  focusAfter: (ids: readonly string[]) => () => void,
) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const hold = useUndoWindow();
  const memberId = useMe().data?.id;
  const [hidden, setHidden] = useState<ReadonlyMap<string, T | undefined>>(new Map());
  const [restored, setRestored] = useState<readonly string[]>([]);

  const reveal = useCallback((ids: string[]) => {
    setHidden((current) => {
      const left = new Map(current);
      for (const id of ids) left.delete(id);
      return left;
    });
  }, []);

  const send = useCallback(
    async (ids: string[], leaving: boolean) => {
      if (leaving && memberId !== undefined && !fitsKeepalive(ids)) {
        keepUnsent(memberId, ids);
        return;
      }
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
    [toasts, queryClient, reveal, memberId],
  );

  const schedule = useCallback(
    (withdrawal: Withdrawal<T>) => {
      const { ids, details } = withdrawal;
      setHidden((current) => {
        const more = new Map(current);
        for (const id of ids) more.set(id, details?.get(id));
        return more;
      });
      hold({
        message: toastMessage(withdrawal),
        send: (leaving) => void send(ids, leaving),
        undone: () => {
          reveal(ids);
          setRestored(ids);
        },
        returnFocus: focusAfter(ids),
      });
    },
    [hold, send, reveal, focusAfter],
  );

  return { hidden, schedule, restored };
}
