import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.js';
import { describeError, errorCode } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import type { InviteTarget, MemberSummary, RecipientResult } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNote } from '../../components/Status.js';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';
import { ConnectionChecklist } from './ConnectionChecklist.js';
import { InviteResults, type QuotaRefusal } from './InviteResults.js';
import { inChunks } from '../../lib/in-chunks.js';

interface InviteConnectionsDialogProps {
  target: InviteTarget;
  title: string;
  /** What is left to send, said before anything is picked. */
  allowance: ReactNode;
  /** How many invitations are left to send: no more can be picked and sent at once. */
  remaining: number;
  invite: (handles: string[]) => Promise<RecipientResult[]>;
  quota: QuotaRefusal;
  onClose: () => void;
}

/** Pick connections from a searchable checklist, send, then read what happened to each. */
export function InviteConnectionsDialog(props: InviteConnectionsDialogProps) {
  const { target, title, allowance, remaining, invite, quota, onClose } = props;
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlyMap<string, MemberSummary>>(new Map());

  const doneRef = useRef<HTMLButtonElement>(null);

  const send = useMutation({
    mutationFn: (handles: string[]) => inChunks(handles, invite),
    onSettled: () => refreshAfterChange(queryClient),
  });

  // The button that sent is gone once the results show; keep keyboard focus in the dialog.
  useEffect(() => {
    if (send.isSuccess) doneRef.current?.focus();
  }, [send.isSuccess]);

  // Stable, so ticking one connection leaves the other rows of the checklist alone.
  const toggle = useCallback((member: MemberSummary) => {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(member.handle)) next.delete(member.handle);
      else next.set(member.handle, member);
      return next;
    });
  }, []);

  const over = selected.size - remaining;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.size > 0 && over <= 0) send.mutate([...selected.keys()]);
  }

  return (
    <Dialog open wide title={title} onClose={onClose}>
      {send.isSuccess ? (
        <>
          <InviteResults results={send.data} invited={selected} quota={quota} />
          <div className="dialog-actions">
            <button type="button" className="button button-primary" ref={doneRef} onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={submit}>
          <p className="muted">{allowance}</p>
          <ConnectionChecklist target={target} selected={selected} onToggle={toggle} />
          {send.isError && (
            <ErrorNote>
              {errorCode(send.error) === quota.code
                ? quota.describe(
                    send.error instanceof ApiError ? send.error.problem.retryAt : undefined,
                  )
                : describeError(send.error)}
            </ErrorNote>
          )}
          <div className="dialog-actions">
            {/* In the bar that stays in view, so that a phone shows it beside the buttons. */}
            <p
              id="invite-selection-note"
              className={
                over > 0 ? 'hint dialog-actions-note counter-low' : 'hint dialog-actions-note'
              }
              aria-live="polite"
            >
              {selected.size === 0
                ? 'Nobody selected yet.'
                : over > 0
                  ? `${plural(selected.size, 'person', 'people')} selected, ${formatCount(over)} more than the ${plural(remaining, 'invitation')} left: unselect ${formatCount(over)} to send.`
                  : `${plural(selected.size, 'person', 'people')} selected.`}
            </p>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <BusyButton
              type="submit"
              className="button button-primary"
              disabled={selected.size === 0 || over > 0}
              aria-describedby="invite-selection-note"
              busy={send.isPending}
            >
              {send.isPending
                ? 'Sending…'
                : selected.size === 0
                  ? 'Send invitations'
                  : `Send ${plural(selected.size, 'invitation')}`}
            </BusyButton>
          </div>
        </form>
      )}
    </Dialog>
  );
}
