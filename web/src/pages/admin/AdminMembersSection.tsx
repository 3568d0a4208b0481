import { useDeferredValue, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange, useRules } from '../../api/queries.js';
import { BusyButton } from '../../components/BusyButton.js';
import { focusNextRow } from '../../components/focus-next-row.js';
import { MemberLine } from '../../components/MemberLine.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { plural } from '../../lib/member.js';
import {
  type AdminMember,
  adminKeys,
  type AdminMemberStatus,
  liftRestriction,
  listAdminMembers,
  unsuspendMember,
} from './admin.api.js';
import { SuspendDialog } from './SuspendDialog.js';

const STATUSES: { value: AdminMemberStatus | ''; label: string }[] = [
  { value: '', label: 'Everyone' },
  { value: 'active', label: 'Active' },
  { value: 'unverified', label: 'Unverified' },
  { value: 'restricted', label: 'Restricted' },
  { value: 'suspended', label: 'Suspended' },
];

type Action = 'unsuspend' | 'lift';

/** The status a member leaves by the action, and with it a list showing that status only. */
const LEFT_STATUS: Record<Action, AdminMemberStatus> = {
  unsuspend: 'suspended',
  lift: 'restricted',
};

const STATUS_LABELS: Record<AdminMemberStatus, string> = {
  active: 'Active',
  unverified: 'Unverified',
  restricted: 'Restricted',
  suspended: 'Suspended',
};

export function AdminMembersSection() {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<AdminMemberStatus | ''>('');
  const q = useDeferredValue(query.trim());
  const members = useQuery({
    queryKey: adminKeys.members(q, status),
    queryFn: () => listAdminMembers(q, status),
  });
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const windowDays = useRules()?.dontKnowWindowDays;
  const [suspending, setSuspending] = useState<AdminMember | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = useRef<HTMLUListElement>(null);

  /**
   * Lift and Unsuspend go away once done. The keyboard on one stays on the member's name, or,
   * when the member is about to leave a list filtered by the old status, moves on to the next
   * member's action.
   */
  function keepFocusAfter(member: AdminMember, action: Action) {
    const row = rows.current?.querySelector(`[data-member="${CSS.escape(member.handle)}"]`);
    if (status === LEFT_STATUS[action]) focusNextRow(row, 'button', heading.current);
    else if (row?.contains(document.activeElement))
      row.querySelector<HTMLElement>('.member-name')?.focus();
  }

  const act = useMutation({
    mutationFn: ({ member, action }: { member: AdminMember; action: Action }) =>
      action === 'unsuspend' ? unsuspendMember(member.handle) : liftRestriction(member.handle),
    onSuccess: (_result, { member, action }) => {
      keepFocusAfter(member, action);
      toasts.show({
        message:
          action === 'unsuspend'
            ? `${member.name} is no longer suspended.`
            : `${member.name} can send invitations again.`,
      });
    },
    onError: (error, { member }) =>
      toasts.show({ message: describeError(error, { name: member.name }) }),
    onSettled: () => refreshAfterChange(queryClient),
  });

  return (
    <section className="card" aria-labelledby="admin-members-title">
      <h2 id="admin-members-title" className="card-title" ref={heading} tabIndex={-1}>
        Members
      </h2>
      <div className="field">
        <label htmlFor="admin-members-filter">Search members by name, handle or email</label>
        <input
          id="admin-members-filter"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="chips" role="group" aria-label="Status">
        {STATUSES.map((option) => (
          <button
            key={option.value}
            type="button"
            className="chip"
            aria-pressed={status === option.value}
            onClick={() => setStatus(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {members.isPending ? (
        <Loading label="Loading members…" />
      ) : members.isError ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyState title="No members match" />
      ) : (
        <ul className="rows" aria-label="Members" ref={rows}>
          {members.data.items.map((member) => (
            <li key={member.handle} className="invitation-row" data-member={member.handle}>
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
                {member.suspensionReason && (
                  <p className="meta">Suspended: {member.suspensionReason}</p>
                )}
              </MemberLine>
              <div className="row-actions">
                {member.status === 'restricted' && (
                  <BusyButton
                    className="button"
                    aria-label={`Lift the restriction of ${member.name}`}
                    busy={act.isPending}
                    onClick={() => act.mutate({ member, action: 'lift' })}
                  >
                    Lift restriction
                  </BusyButton>
                )}
                {member.status === 'suspended' ? (
                  <BusyButton
                    className="button"
                    aria-label={`Unsuspend ${member.name}`}
                    busy={act.isPending}
                    onClick={() => act.mutate({ member, action: 'unsuspend' })}
                  >
                    Unsuspend
                  </BusyButton>
                ) : (
                  member.role !== 'admin' && (
                    <button
                      type="button"
                      className="button button-danger"
                      aria-label={`Suspend ${member.name}`}
                      onClick={() => setSuspending(member)}
                    >
                      Suspend
                    </button>
                  )
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {suspending && <SuspendDialog member={suspending} onClose={() => setSuspending(null)} />}
    </section>
  );
}
