import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import { BusyButton } from '../../components/BusyButton.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNote } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { type AdminMember, suspendMember } from './admin.api.js';
import { firstName, plural } from '../../lib/member.js';
import { showMemberChange } from './show-member-change.js';

const REASON_MAX = 500;

/**
 * Suspending asks for a reason: it goes into the audit log. The dialog closes once the member's
 * row shows the suspension, and `onSuspended` then places the keyboard: the Suspend button that
 * opened the dialog has gone with the change.
 */
export function SuspendDialog({
  member,
  onClose,
  onSuspended,
}: {
  member: AdminMember;
  onClose: () => void;
  onSuspended: (member: AdminMember) => void;
}) {
  const [reason, setReason] = useState('');
  const noReason = reason.trim() === '';
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const suspend = useMutation({
    mutationFn: () => suspendMember(member.handle, reason.trim()),
    onSuccess: async () => {
      await showMemberChange(queryClient, member.handle);
      toasts.show({ message: `${member.name} is suspended.` });
      // Closed at once, so that the dialog has given the keyboard back before it is placed.
      flushSync(onClose);
      onSuspended(member);
    },
    onSettled: () => void refreshAfterChange(queryClient),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!noReason) suspend.mutate();
  }

  return (
    <Dialog open title={`Suspend ${member.name}?`} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <p>
          {member.openSent === 0
            ? `${member.name} will no longer be able to sign in, and others will no longer find them.`
            : `${member.name} will no longer be able to sign in, others will no longer find them, and their ${plural(member.openSent, 'open invitation')} will be withdrawn.`}
        </p>
        <div className="field">
          <label htmlFor="suspend-reason">Reason (kept in the audit log)</label>
          <textarea
            id="suspend-reason"
            rows={3}
            required
            maxLength={REASON_MAX}
            value={reason}
            data-autofocus
            onChange={(event) => setReason(event.target.value)}
          />
          {noReason && (
            <p id="suspend-reason-hint" className="hint">
              Enter a reason to suspend {firstName(member)}.
            </p>
          )}
        </div>
        {suspend.isError && (
          <ErrorNote>{describeError(suspend.error, { name: member.name })}</ErrorNote>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <BusyButton
            type="submit"
            className="button button-danger"
            disabled={noReason}
            aria-describedby={noReason ? 'suspend-reason-hint' : undefined}
            busy={suspend.isPending}
          >
            Suspend
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
