import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bulkWithdraw, listSent } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import type { SentInvitation } from '../../api/types.js';
import { Dialog } from '../../components/Dialog.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { ErrorNote, Loading } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { resendDate } from './WithdrawDialog.js';

const STALE_DAYS = 14;

const WITHDRAWN = new Set(['withdrawn', 'would_withdraw', 'ok']);

async function loadPreview() {
  const [dryRun, stale] = await Promise.all([
    bulkWithdraw({ olderThanDays: STALE_DAYS, dryRun: true }),
    listSent(undefined, STALE_DAYS),
  ]);
  const byId = new Map(stale.items.map((invitation) => [invitation.id, invitation]));
  const going = dryRun.items
    .filter((item) => WITHDRAWN.has(item.outcome))
    .map((item) => item.invitation ?? byId.get(item.id))
    .filter((invitation): invitation is SentInvitation => Boolean(invitation));
  const kept = stale.items.filter((invitation) => invitation.kept);
  return { going, kept };
}

/** "Withdraw all older than 2 weeks": shows what would go, then withdraws it in one call. */
export function StaleWithdrawDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const preview = useQuery({
    queryKey: ['stale-preview'],
    queryFn: loadPreview,
    gcTime: 0,
    staleTime: 0,
  });

  const withdraw = useMutation({
    mutationFn: (ids: string[]) => bulkWithdraw({ olderThanDays: STALE_DAYS, ids }),
    onSuccess: (result, ids) => {
      const done = result.items.filter((item) => item.outcome === 'withdrawn').length;
      const missed = ids.length - done;
      toasts.show({
        message:
          `${done} ${done === 1 ? 'invitation' : 'invitations'} withdrawn.` +
          (missed > 0 ? ` ${missed} had already been answered.` : ''),
      });
      void refreshAfterChange(queryClient);
      onClose();
    },
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
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate(going.map((invitation) => invitation.id))}
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
      {withdraw.isError && <ErrorNote>{describeError(withdraw.error)}</ErrorNote>}
    </Dialog>
  );
}
