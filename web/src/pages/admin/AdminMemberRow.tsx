import { memo } from 'react';
import { BusyButton } from '../../components/BusyButton.js';
import { MemberLine } from '../../components/MemberLine.js';
import { plural } from '../../lib/member.js';
import type { AdminMember, AdminMemberStatus } from './admin.api.js';

export type MemberAction = 'unsuspend' | 'lift';

const STATUS_LABELS: Record<AdminMemberStatus, string> = {
  active: 'Active',
  unverified: 'Unverified',
  restricted: 'Restricted',
  suspended: 'Suspended',
};

interface AdminMemberRowProps {
  member: AdminMember;
  /** The rule's window for "I don't know" answers, once the instance has said it. */
  windowDays: number | undefined;
  busy: boolean;
  onAct: (change: { member: AdminMember; action: MemberAction }) => void;
  onSuspend: (member: AdminMember) => void;
}

/** Memoised: loading the next page of thousands of members leaves the rows shown alone. */
export const AdminMemberRow = memo(function AdminMemberRow(props: AdminMemberRowProps) {
  const { member, windowDays, busy, onAct, onSuspend } = props;
  return (
    <li className="invitation-row" data-member={member.handle}>
      <MemberLine member={member} size="small">
        <p className="meta">
          {STATUS_LABELS[member.status]}
          {member.role === 'admin' ? ' · Admin' : ''} · {member.email}
        </p>
        <p className="meta">
          {plural(member.openSent, 'open sent invitation')} ·{' '}
          {plural(member.dontKnowRecent, '“I don’t know” answer')}
          {windowDays === undefined ? '' : ` in ${plural(windowDays, 'day')}`}
        </p>
        {member.suspensionReason && <p className="meta">Suspended: {member.suspensionReason}</p>}
      </MemberLine>
      <div className="row-actions">
        {member.status === 'restricted' && (
          <BusyButton
            className="button"
            aria-label={`Lift the restriction of ${member.name}`}
            busy={busy}
            onClick={() => onAct({ member, action: 'lift' })}
          >
            Lift restriction
          </BusyButton>
        )}
        {member.status === 'suspended' ? (
          <BusyButton
            className="button"
            aria-label={`Unsuspend ${member.name}`}
            busy={busy}
            onClick={() => onAct({ member, action: 'unsuspend' })}
          >
            Unsuspend
          </BusyButton>
        ) : (
          member.role !== 'admin' && (
            <button
              type="button"
              className="button button-danger"
              aria-label={`Suspend ${member.name}`}
              onClick={() => onSuspend(member)}
            >
              Suspend
            </button>
          )
        )}
      </div>
    </li>
  );
});
