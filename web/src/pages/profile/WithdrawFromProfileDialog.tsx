import { useSent } from '../../api/queries.js';
import type { Profile } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { resendDate } from '../invitations/WithdrawDialog.js';

interface WithdrawFromProfileDialogProps {
  profile: Profile;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The profile has no resend date of its own, so it is read from the Sent list. */
export function WithdrawFromProfileDialog(props: WithdrawFromProfileDialogProps) {
  const { profile, busy, onConfirm, onCancel } = props;
  const sent = useSent('connection');
  const invitation = sent.data?.items.filter((item) => item.id === profile.invitationId) ?? [];

  return (
    <ConfirmDialog
      open
      title="Withdraw invitation"
      confirmLabel="Withdraw"
      onCancel={onCancel}
      onConfirm={onConfirm}
      busy={busy || sent.isPending}
    >
      <p>
        If you withdraw now, you won&apos;t be able to resend to {profile.name} until{' '}
        {resendDate(invitation)}.
      </p>
    </ConfirmDialog>
  );
}
