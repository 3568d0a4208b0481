import type { SentInvitation } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { addDays, formatDate } from '../../lib/time.js';

/** The cooldown rule (R16) as configured on the server; used only if it sent no date. */
const FALLBACK_COOLDOWN_DAYS = 21;

export function resendDate(invitations: SentInvitation[]): string {
  const dates = invitations
    .map((invitation) => invitation.resendAvailableAt)
    .filter((value): value is string => Boolean(value))
    .sort();
  return formatDate(dates.at(-1) ?? addDays(FALLBACK_COOLDOWN_DAYS));
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
      title={single ? 'Withdraw invitation' : `Withdraw ${invitations.length} invitations`}
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
            If you withdraw now, you won&apos;t be able to resend to these {invitations.length}{' '}
            people until {until}.
          </p>
          <ul className="preview-list">
            {invitations.map((invitation) => (
              <li key={invitation.id}>{invitation.recipient.name}</li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
