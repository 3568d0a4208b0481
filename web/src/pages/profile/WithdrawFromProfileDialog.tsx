import type { Profile } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatDate } from '../../lib/time.js';

interface WithdrawFromProfileDialogProps {
  profile: Profile;
  onConfirm: () => void;
  onCancel: () => void;
}

export function WithdrawFromProfileDialog(props: WithdrawFromProfileDialogProps) {
  const { profile, onConfirm, onCancel } = props;
  return (
    <ConfirmDialog
      open
      title="Withdraw invitation"
      confirmLabel="Withdraw"
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>
        If you withdraw now, you won&apos;t be able to resend to {profile.name}
        {profile.resendAvailableAt
          ? ` until ${formatDate(profile.resendAvailableAt)}`
          : ' for a while'}
        .
      </p>
    </ConfirmDialog>
  );
}
