import type { BulkWithdrawResult } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { PreviewList } from '../../components/PreviewList.js';
import { plural } from '../../lib/member.js';
import { formatDays } from '../../lib/time.js';
import { invitationSubject } from '../invitations/invitation-words.js';
import { resendDate } from '../invitations/WithdrawDialog.js';

interface AutoWithdrawPreviewDialogProps {
  days: number;
  /** The clean-up's dry run for `days`: what automatic withdrawal would take now. */
  preview: BulkWithdrawResult;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Nothing irreversible without a preview: what turning automatic withdrawal on takes at once. */
export function AutoWithdrawPreviewDialog(props: AutoWithdrawPreviewDialogProps) {
  const { days, preview, busy, onConfirm, onCancel } = props;
  const invitations = preview.items.flatMap((item) =>
    item.outcome === 'would_withdraw' && item.invitation ? [item.invitation] : [],
  );
  const kept = preview.items.filter((item) => item.outcome === 'kept').length;
  const count = plural(preview.count, 'invitation');

  return (
    <ConfirmDialog
      open
      title={`Withdraw invitations after ${formatDays(days)}`}
      confirmLabel={`Withdraw ${count} and save`}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        This will withdraw {count} now, sent {formatDays(days)} or more ago. You won&apos;t be able
        to resend to {preview.count === 1 ? 'this person' : 'these people'} until{' '}
        {resendDate(invitations)}.
      </p>
      <PreviewList>
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <span>{invitationSubject(invitation)}</span>{' '}
            <RelativeTime value={invitation.sentAt} prefix="· sent" />
          </li>
        ))}
      </PreviewList>
      {kept > 0 && (
        <p className="muted">
          {plural(kept, 'invitation')} you kept {kept === 1 ? 'stays' : 'stay'}: kept invitations
          are never withdrawn.
        </p>
      )}
    </ConfirmDialog>
  );
}
