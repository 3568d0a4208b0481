import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bulkWithdraw, listSent } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange, useRules } from '../../api/queries.js';
import type { SentInvitation } from '../../api/types.js';
import { Dialog } from '../../components/Dialog.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { ErrorNote, Loading } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';
import { invitationSubject } from './invitation-words.js';
import { useStaleAge } from './StaleAge.js';
import { resendDate } from './WithdrawDialog.js';

const WITHDRAWN = new Set(['withdrawn', 'would_withdraw', 'ok']);

async function loadPreview(olderThanDays: number) {
  const [dryRun, stale] = await Promise.all([
    bulkWithdraw({ olderThanDays, dryRun: true }),
    listSent(undefined, olderThanDays),
  ]);
  const byId = new Map(stale.items.map((invitation) => [invitation.id, invitation]));
  const going = dryRun.items
    .filter((item) => WITHDRAWN.has(item.outcome))
    .map((item) => item.invitation ?? byId.get(item.id))
    .filter((invitation): invitation is SentInvitation => Boolean(invitation));
  const kept = stale.items.filter((invitation) => invitation.kept);
  return { going, kept };
}

/** "Withdraw all older than N days": shows what would go, then withdraws it in one call. */
export function StaleWithdrawDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const days = useRules()?.staleAfterDays;
  const age = useStaleAge();
  const preview = useQuery({
    queryKey: ['stale-preview', days],
    queryFn: () => loadPreview(days ?? 0),
    enabled: days !== undefined,
    gcTime: 0,
    staleTime: 0,
  });

  const withdraw = useMutation({
    mutationFn: (ids: string[]) => bulkWithdraw({ olderThanDays: days, ids }),
    onSuccess: (result, ids) => {
      const done = result.items.filter((item) => item.outcome === 'withdrawn').length;
      const missed = ids.length - done;
      toasts.show({
        message:
          `${plural(done, 'invitation')} withdrawn.` +
          (missed > 0 ? ` ${formatCount(missed)} had already been answered.` : ''),
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
      title={`Withdraw invitations older than ${age}`}
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
              Withdraw {plural(going.length, 'invitation')}
            </button>
          )}
        </>
      }
    >
      {preview.isPending ? (
        <Loading label={`Finding invitations older than ${age}…`} />
      ) : preview.isError ? (
        <ErrorNote>{describeError(preview.error)}</ErrorNote>
      ) : going.length === 0 ? (
        <p>
          None of your invitations has waited more than {age}
          {kept.length > 0 ? ' apart from the ones you chose to keep' : ''}. Nothing to withdraw.
        </p>
      ) : (
        <>
          <p>
            These {formatCount(going.length)}{' '}
            {going.length === 1 ? 'invitation has' : 'invitations have'} waited more than {age}. If
            you withdraw them now, you won&apos;t be able to resend to these people until{' '}
            {resendDate(going)}.
          </p>
          <ul className="preview-list" aria-label="Invitations that will be withdrawn">
            {going.map((invitation) => (
              <li key={invitation.id}>
                <span>{invitationSubject(invitation)}</span>{' '}
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
            : `${formatCount(kept.length)} invitations you kept stay`}
          : {kept.map((invitation) => invitation.recipient.name).join(', ')}.
        </p>
      )}
      {withdraw.isError && <ErrorNote>{describeError(withdraw.error)}</ErrorNote>}
    </Dialog>
  );
}
