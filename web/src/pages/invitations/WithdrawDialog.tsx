import type { SentInvitation } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PreviewList } from '../../components/PreviewList.js';
import { formatCount } from '../../lib/format.js';
import { formatDate } from '../../lib/time.js';

/** The latest date (R16) on which one of `invitations` could be sent again if withdrawn now. */
export function resendDate(invitations: SentInvitation[]): string {
  const dates = invitations.map((invitation) => invitation.resendAvailableAt).sort();
  return formatDate(dates.at(-1) ?? new Date());
}

interface WithdrawDialogProps {
  invitations: SentInvitation[];
  onConfirm: () => void;
  onCancel: () => void;
}

export function WithdrawDialog({ invitations, onConfirm, onCancel }: WithdrawDialogProps) {
  const [first] = invitations;
  if (!first) return null;
  const single = invitations.length === 1;
  const until = resendDate(invitations);

  return (
    <ConfirmDialog
      open
      title={
        single ? 'Withdraw invitation' : `Withdraw ${formatCount(invitations.length)} invitations`
      }
      confirmLabel="Withdraw"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {single ? (
        <p>
          If you withdraw now, you won&apos;t be able to resend to {first.recipient.name} until{' '}
          {until}.
        </p>
      ) : (
        <>
          <p>
            If you withdraw now, you won&apos;t be able to resend to these{' '}
            {formatCount(invitations.length)} people until {until}.
          </p>
          <PreviewList>
            {invitations.map((invitation) => (
              <li key={invitation.id}>{invitation.recipient.name}</li>
            ))}
          </PreviewList>
        </>
      )}
    </ConfirmDialog>
  );
}
