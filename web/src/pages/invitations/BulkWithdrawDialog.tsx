import { useQuery } from '@tanstack/react-query';
import { bulkWithdraw } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import type { BulkWithdrawInput, SentInvitation } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Loading } from '../../components/Status.js';
import { PreviewList } from '../../components/PreviewList.js';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';
import { invitationSubject } from './invitation-words.js';
import { resendDate } from './WithdrawDialog.js';

/** Names shown in the preview; the rest are counted. */
const NAMED = 8;

interface BulkWithdrawDialogProps {
  /** R18's ids form, or its filter form with the rows unticked as `excludeIds`. */
  request: Omit<BulkWithdrawInput, 'dryRun'>;
  onConfirm: (invitations: SentInvitation[]) => void;
  onCancel: () => void;
}

/**
 * Before a bulk withdrawal the server says what it would withdraw (a dry run of R18), so the
 * count in the dialog is the count that goes, kept invitations left out and said so.
 */
export function BulkWithdrawDialog({ request, onConfirm, onCancel }: BulkWithdrawDialogProps) {
  const preview = useQuery({
    queryKey: ['withdraw-preview', request],
    queryFn: () => bulkWithdraw({ ...request, dryRun: true }),
    gcTime: 0,
    staleTime: 0,
  });
  const going = (preview.data?.items ?? []).filter((item) => item.outcome === 'would_withdraw');
  const kept = (preview.data?.items ?? []).filter((item) => item.outcome === 'kept').length;
  const invitations = going
    .map((item) => item.invitation)
    .filter((invitation): invitation is SentInvitation => Boolean(invitation));
  const named = invitations.slice(0, NAMED);
  const count = going.length;

  return (
    <ConfirmDialog
      open
      title={preview.isSuccess ? `Withdraw ${plural(count, 'invitation')}` : 'Withdraw invitations'}
      confirmLabel="Withdraw"
      busy={!preview.isSuccess || count === 0}
      error={preview.isError ? describeError(preview.error) : null}
      onConfirm={() => onConfirm(invitations)}
      onCancel={onCancel}
    >
      {preview.isPending ? (
        <Loading label="Counting what would be withdrawn…" />
      ) : count === 0 ? (
        <p>Nothing to withdraw: none of these invitations is still open.</p>
      ) : (
        <>
          <p className="preview-count">
            {plural(count, 'invitation')} will be withdrawn. If you withdraw now, you won&apos;t be
            able to resend to these people until {resendDate(invitations)}.
          </p>
          <PreviewList>
            {named.map((invitation) => (
              <li key={invitation.id}>{invitationSubject(invitation)}</li>
            ))}
            {count > named.length && <li>and {plural(count - named.length, 'more', 'more')}</li>}
          </PreviewList>
        </>
      )}
      {kept > 0 && (
        <p className="muted">
          {kept === 1
            ? '1 invitation you kept stays.'
            : `${formatCount(kept)} invitations you kept stay.`}
        </p>
      )}
    </ConfirmDialog>
  );
}
