import { useQuery } from '@tanstack/react-query';
import { bulkWithdraw } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import type { SentInvitation } from '../../api/types.js';
import { Dialog } from '../../components/Dialog.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { ErrorNote, Loading } from '../../components/Status.js';
import { STALE_DAYS } from './sent-view.js';
import { resendDate } from './WithdrawDialog.js';

/** One dry run of R18 says what would go and what stays because it is kept. */
async function loadPreview() {
  const { items } = await bulkWithdraw({ olderThanDays: STALE_DAYS, dryRun: true });
  const invitationsOf = (outcome: string) =>
    items
      .filter((item) => item.outcome === outcome)
      .map((item) => item.invitation)
      .filter((invitation): invitation is SentInvitation => Boolean(invitation));
  return { going: invitationsOf('would_withdraw'), kept: invitationsOf('kept') };
}

interface StaleWithdrawDialogProps {
  /** The ids to withdraw, once confirmed; they wait for the Undo window like any withdrawal. */
  onConfirm: (ids: string[]) => void;
  onClose: () => void;
}

/** "Withdraw all older than 2 weeks": shows what would go, then one confirmation. */
export function StaleWithdrawDialog({ onConfirm, onClose }: StaleWithdrawDialogProps) {
  const preview = useQuery({
    queryKey: ['stale-preview'],
    queryFn: loadPreview,
    gcTime: 0,
    staleTime: 0,
  });

  const going = preview.data?.going ?? [];
  const kept = preview.data?.kept ?? [];

  return (
    <Dialog
      open
      wide
      title="Withdraw invitations older than 2 weeks"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {going.length > 0 && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => onConfirm(going.map((invitation) => invitation.id))}
            >
              Withdraw {going.length} {going.length === 1 ? 'invitation' : 'invitations'}
            </button>
          )}
        </>
      }
    >
      {preview.isPending ? (
        <Loading label="Finding invitations older than 2 weeks…" />
      ) : preview.isError ? (
        <ErrorNote>{describeError(preview.error)}</ErrorNote>
      ) : going.length === 0 ? (
        <p>
          None of your invitations has waited more than 2 weeks
          {kept.length > 0 ? ' apart from the ones you chose to keep' : ''}. Nothing to withdraw.
        </p>
      ) : (
        <>
          <p>
            These {going.length} {going.length === 1 ? 'invitation has' : 'invitations have'} waited
            more than 2 weeks. If you withdraw them now, you won&apos;t be able to resend to these
            people until {resendDate(going)}.
          </p>
          <ul className="preview-list" aria-label="Invitations that will be withdrawn">
            {going.map((invitation) => (
              <li key={invitation.id}>
                <span>{invitation.recipient.name}</span>{' '}
                <RelativeTime value={invitation.sentAt} prefix="· sent" />
              </li>
            ))}
          </ul>
        </>
      )}
      {kept.length > 0 && (
        <p className="muted">
          {kept.length === 1
            ? '1 invitation you kept stays'
            : `${kept.length} invitations you kept stay`}
          : {kept.map((invitation) => invitation.recipient.name).join(', ')}.
        </p>
      )}
    </Dialog>
  );
}
