import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { bulkWithdraw, withdrawInvitation } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import type { SentInvitation } from '../../api/types.js';
import { useToasts } from '../../components/Toasts.js';

const UNDO_MS = 5000;

interface Batch {
  invitations: SentInvitation[];
  timer: number;
  toastId: number;
}

function toastMessage(invitations: SentInvitation[]): string {
  const [first] = invitations;
  if (invitations.length === 1 && first) return `Invitation to ${first.recipient.name} withdrawn.`;
  return `${invitations.length} invitations withdrawn.`;
}

/**
 * Withdrawals wait for the Undo toast to end before anything is sent. Leaving the page
 * (or closing the tab) sends whatever is still waiting.
 */
export function usePendingWithdrawals() {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const batches = useRef(new Map<number, Batch>());
  const nextBatch = useRef(1);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());

  const reveal = useCallback((ids: string[]) => {
    setHidden((current) => new Set([...current].filter((id) => !ids.includes(id))));
  }, []);

  const take = useCallback(
    (batchId: number): Batch | undefined => {
      const batch = batches.current.get(batchId);
      if (!batch) return undefined;
      batches.current.delete(batchId);
      window.clearTimeout(batch.timer);
      toasts.dismiss(batch.toastId);
      return batch;
    },
    [toasts],
  );

  const commit = useCallback(
    async (batchId: number, leaving = false) => {
      const batch = take(batchId);
      if (!batch) return;
      const ids = batch.invitations.map((invitation) => invitation.id);
      try {
        if (ids.length === 1) await withdrawInvitation(ids[0]!, leaving);
        else await bulkWithdraw({ ids }, leaving);
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
      const batch = take(batchId);
      if (batch) reveal(batch.invitations.map((invitation) => invitation.id));
    },
    [take, reveal],
  );

  const schedule = useCallback(
    (invitations: SentInvitation[]) => {
      const batchId = nextBatch.current++;
      const ids = invitations.map((invitation) => invitation.id);
      setHidden((current) => new Set([...current, ...ids]));
      const toastId = toasts.show({
        message: toastMessage(invitations),
        action: { label: 'Undo', onClick: () => undo(batchId) },
        duration: null,
        onClose: () => void commit(batchId),
      });
      const timer = window.setTimeout(() => void commit(batchId), UNDO_MS);
      batches.current.set(batchId, { invitations, timer, toastId });
    },
    [toasts, undo, commit],
  );

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

  return { hidden, schedule };
}
