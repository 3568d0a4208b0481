import { useQuery } from '@tanstack/react-query';
import { bulkWithdraw } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { useRules } from '../../api/queries.js';
import type { SentInvitation } from '../../api/types.js';
import { Dialog } from '../../components/Dialog.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { ErrorNote, Loading } from '../../components/Status.js';
import { PreviewList } from '../../components/PreviewList.js';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';
import { invitationSubject } from './invitation-words.js';
import { useStaleAge } from './StaleAge.js';
import { resendDate } from './WithdrawDialog.js';

/** One dry run of R18 says what would go and what stays because it is kept. */
async function loadPreview(olderThanDays: number) {
  const { items } = await bulkWithdraw({ olderThanDays, dryRun: true });
  const invitationsOf = (outcome: string) =>
    items
      .filter((item) => item.outcome === outcome)
      .map((item) => item.invitation)
      .filter((invitation): invitation is SentInvitation => Boolean(invitation));
  return { going: invitationsOf('would_withdraw'), kept: invitationsOf('kept') };
}

/** Kept invitations named in the preview; the rest are counted, so the buttons stay in view. */
const KEPT_NAMED = 5;

function keptNames(kept: SentInvitation[]): string {
  const names = kept.slice(0, KEPT_NAMED).map((invitation) => invitation.recipient.name);
  const more = kept.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${formatCount(more)} more` : names.join(', ');
}

interface StaleWithdrawDialogProps {
  /** What to withdraw, once confirmed; it waits for the Undo window like any withdrawal. */
  onConfirm: (invitations: SentInvitation[]) => void;
  onClose: () => void;
}

/** "Withdraw all older than N days": shows what would go, then one confirmation. */
export function StaleWithdrawDialog({ onConfirm, onClose }: StaleWithdrawDialogProps) {
  const days = useRules()?.staleAfterDays;
  const age = useStaleAge();
  const preview = useQuery({
    queryKey: ['stale-preview', days],
    queryFn: () => loadPreview(days ?? 0),
    enabled: days !== undefined,
    gcTime: 0,
    staleTime: 0,
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
              onClick={() => onConfirm(going)}
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
          <PreviewList>
            {going.map((invitation) => (
              <li key={invitation.id}>
                <span>{invitationSubject(invitation)}</span>{' '}
                <RelativeTime value={invitation.sentAt} prefix="· sent" />
              </li>
            ))}
          </PreviewList>
        </>
      )}
      {kept.length > 0 && (
        <p className="muted">
          {kept.length === 1
            ? '1 invitation you kept stays'
            : `${formatCount(kept.length)} invitations you kept stay`}
          : {keptNames(kept)}.
        </p>
      )}
    </Dialog>
  );
}
