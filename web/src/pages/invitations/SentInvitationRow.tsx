import { memo } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setKept } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import type { SentInvitation } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { Icon } from '../../components/Icons.js';
import { MemberLine } from '../../components/MemberLine.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useToasts } from '../../components/Toasts.js';
import { changeCachedRow } from '../../components/use-cursor-list.js';
import { invitedToLine } from './invitation-words.js';

interface SentInvitationRowProps {
  invitation: SentInvitation;
  selecting: boolean;
  selected: boolean;
  onToggleSelected: (id: string) => void;
  /** Takes the row out of the selection once it is kept: no bulk withdrawal takes a kept one. */
  onKept: (id: string) => void;
  onWithdraw: (invitation: SentInvitation) => void;
}

/** Memoised: loading the next page of a long list leaves the rows already shown alone. */
export const SentInvitationRow = memo(function SentInvitationRow(props: SentInvitationRowProps) {
  const { invitation, selecting, onToggleSelected, onKept, onWithdraw } = props;
  const name = invitation.recipient.name;
  const context = invitedToLine(invitation.kind, invitation.target);
  const queryClient = useQueryClient();
  const toasts = useToasts();

  const keep = useMutation({
    mutationFn: (kept: boolean) => setKept(invitation.id, kept),
    onSuccess: ({ kept }) => {
      changeCachedRow<SentInvitation>(queryClient, ['sent'], invitation.id, (row) => ({
        ...row,
        kept,
      }));
      if (kept) onKept(invitation.id);
      toasts.show({
        message: kept
          ? `Kept: clean-up won't withdraw your invitation to ${name}.`
          : `Your invitation to ${name} is no longer kept.`,
      });
    },
    onError: (error) => toasts.show({ message: describeError(error), tone: 'error' }),
    // Not awaited: the button is busy only until the server answers, not until every loaded
    // page of the list has been read again (a filtered list may still gain or lose the row).
    // The counts change too: what is kept, and what the clean-up would take.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['sent'] });
      void queryClient.invalidateQueries({ queryKey: ['sent-count'] });
    },
  });
  const kept = keep.isPending ? Boolean(keep.variables) : invitation.kept;
  const selected = props.selected && !kept;

  return (
    <li
      className={selected ? 'invitation-row is-selected' : 'invitation-row'}
      data-invitation={invitation.id}
    >
      {selecting && (
        <input
          type="checkbox"
          className="row-check"
          checked={selected}
          onChange={() => onToggleSelected(invitation.id)}
          aria-label={`Select invitation to ${name}`}
          // Kept invitations stay out of bulk withdrawals (R18); its own Withdraw still works.
          disabled={kept}
          title={kept ? 'Kept: withdraw it on its own, or stop keeping it' : undefined}
        />
      )}
      <MemberLine member={invitation.recipient}>
        {context && <p className="invitation-context">{context}</p>}
        <p className="meta">
          <RelativeTime value={invitation.sentAt} prefix="Sent" />
          {kept && <span className="kept-label">Kept</span>}
        </p>
      </MemberLine>
      <div className="row-actions">
        <BusyButton
          className="button button-quiet keep-toggle"
          aria-pressed={kept}
          aria-label={`Keep invitation to ${name}`}
          title="Kept invitations are never withdrawn by clean-up"
          busy={keep.isPending}
          onClick={() => keep.mutate(!kept)}
        >
          <Icon name="pin" />
          Keep
        </BusyButton>
        <button
          type="button"
          className="button"
          aria-label={`Withdraw invitation to ${name}`}
          onClick={() => onWithdraw(invitation)}
        >
          Withdraw
        </button>
      </div>
    </li>
  );
});
