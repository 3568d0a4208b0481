import { useCallback, useEffect, useRef, useState } from 'react';
import type { Profile } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { focusIfLost } from '../../components/focus-if-lost.js';
import { MenuButton, type MenuItem } from '../../components/MenuButton.js';
import { firstName } from '../../lib/member.js';
import { formatAvailableAt } from '../../lib/time.js';
import { usePendingWithdrawals } from '../invitations/use-pending-withdrawals.js';
import { CannotInviteNote } from './CannotInviteNote.js';
import { ConnectDialog } from './ConnectDialog.js';
import { useProfileActions } from './use-profile-actions.js';
import { WithdrawFromProfileDialog } from './WithdrawFromProfileDialog.js';

type Open = 'connect' | 'withdraw' | 'remove' | 'block' | null;

export function RelationshipActions({ profile }: { profile: Profile }) {
  const row = useRef<HTMLDivElement>(null);
  const followButton = useRef<HTMLButtonElement>(null);
  // Accept and Ignore go away with the answer: the keyboard on one stays in this row, on Follow.
  const actions = useProfileActions(profile, () => {
    if (row.current?.contains(document.activeElement)) followButton.current?.focus();
  });
  const [open, setOpen] = useState<Open>(null);
  // The keyboard goes on from this row rather than from the top of the page.
  const focusRow = useCallback(
    () => focusIfLost(row.current?.querySelector<HTMLElement>('button:not(:disabled)') ?? null),
    [],
  );
  // A new relationship replaces the button that made it (Connect becomes Pending ▾), which takes
  // the focus with it.
  const shownRelationship = useRef(profile.relationship);
  useEffect(() => {
    if (shownRelationship.current === profile.relationship) return;
    shownRelationship.current = profile.relationship;
    focusRow();
  }, [profile.relationship, focusRow]);
  // A withdrawal waits for its Undo here as on the Sent tab (UX: the one irreversible action);
  // Undo brings Pending ▾ back, and the keyboard with it.
  const afterWithdrawing = useCallback(() => focusRow, [focusRow]);
  const { hidden, schedule, restored } = usePendingWithdrawals(afterWithdrawing);
  const withdrawing = profile.invitationId !== null && hidden.has(profile.invitationId);
  useEffect(() => {
    if (restored.length > 0) focusRow();
  }, [restored, focusRow]);
  const [email, setEmail] = useState('');
  const name = firstName(profile);
  const close = () => setOpen(null);
  const refusal =
    profile.relationship === 'none' && !profile.canInvite.ok ? profile.canInvite : null;
  const needsEmail = refusal?.code === 'email_required';
  const canConnect = !refusal || (needsEmail && email.trim().length > 0);

  const moreItems: MenuItem[] = [
    ...(profile.relationship === 'connected'
      ? [{ label: 'Remove connection', onSelect: () => setOpen('remove') }]
      : []),
    {
      label: `Block ${name}`,
      onSelect: () => setOpen('block'),
      danger: true,
      ...(profile.blockAvailableAt && {
        unavailable: `You unblocked ${name} recently: you can block them again ${formatAvailableAt(profile.blockAvailableAt)}.`,
      }),
    },
  ];

  return (
    <>
      <div className="profile-actions" ref={row}>
        {profile.relationship === 'none' && (
          <button
            type="button"
            className="button button-primary"
            disabled={!canConnect}
            aria-describedby={refusal ? 'cannot-invite' : undefined}
            onClick={() => setOpen('connect')}
          >
            Connect
          </button>
        )}
        {profile.relationship === 'invitation_sent' && withdrawing && (
          <button type="button" className="button button-outline" aria-disabled="true">
            Withdrawing…
          </button>
        )}
        {profile.relationship === 'invitation_sent' && !withdrawing && (
          <MenuButton
            className="button button-outline"
            items={[{ label: 'Withdraw invitation', onSelect: () => setOpen('withdraw') }]}
          >
            Pending ▾
          </MenuButton>
        )}
        {profile.relationship === 'invitation_received' && (
          <BusyButton
            className="button button-primary"
            busy={actions.accept.isPending}
            onClick={() => actions.accept.mutate()}
          >
            Accept
          </BusyButton>
        )}
        {profile.relationship === 'invitation_received' && !profile.invitationIgnored && (
          <BusyButton
            className="button"
            busy={actions.ignore.isPending}
            onClick={() => actions.ignore.mutate()}
          >
            Ignore
          </BusyButton>
        )}
        {profile.relationship === 'connected' && (
          <MenuButton
            className="button button-outline"
            items={[{ label: 'Remove connection', onSelect: () => setOpen('remove') }]}
          >
            Connected ✓
          </MenuButton>
        )}
        <BusyButton
          className="button"
          ref={followButton}
          busy={actions.follow.isPending || actions.unfollow.isPending}
          onClick={() => (profile.following ? actions.unfollow : actions.follow).mutate()}
        >
          {profile.following ? 'Unfollow' : 'Follow'}
        </BusyButton>
        <MenuButton className="button" items={moreItems}>
          More ▾
        </MenuButton>
      </div>
      {refusal && (
        <CannotInviteNote refusal={refusal} name={name} email={email} onEmailChange={setEmail} />
      )}
      {open === 'connect' && (
        <ConnectDialog member={profile} open onClose={close} email={email.trim() || undefined} />
      )}
      {open === 'withdraw' && (
        <WithdrawFromProfileDialog
          profile={profile}
          onCancel={close}
          onConfirm={() => {
            close();
            if (profile.invitationId) schedule({ ids: [profile.invitationId], name: profile.name });
          }}
        />
      )}
      <ConfirmDialog
        open={open === 'remove'}
        title={`Remove ${profile.name} from your connections?`}
        confirmLabel="Remove connection"
        danger
        onCancel={close}
        onConfirm={() => actions.removeConnection.mutate(undefined, { onSuccess: close })}
        busy={actions.removeConnection.isPending}
      >
        <p>
          {name} won&apos;t be told. You&apos;ll stop following each other, and either of you can
          invite the other again at any time.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'block'}
        title={`Block ${profile.name}?`}
        confirmLabel="Block"
        danger
        onCancel={close}
        onConfirm={() => actions.block.mutate(undefined, { onSuccess: close })}
        busy={actions.block.isPending}
      >
        <p>
          {name} won&apos;t be able to see your profile, invite you or follow you, and won&apos;t be
          told. Any connection and follows between you end, and open invitations between you are
          withdrawn.
        </p>
        <p className="muted">You can unblock {name} later in Settings.</p>
      </ConfirmDialog>
    </>
  );
}
