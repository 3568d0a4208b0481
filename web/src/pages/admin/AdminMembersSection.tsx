import { useDeferredValue, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange, useRules } from '../../api/queries.js';
import { focusNextRow, rowWith } from '../../components/focus-next-row.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { useCursorList } from '../../components/use-cursor-list.js';
import {
  type AdminMember,
  adminKeys,
  type AdminMemberStatus,
  countAdminMembers,
  liftRestriction,
  listAdminMembers,
  unsuspendMember,
} from './admin.api.js';
import { AdminMemberRow, type MemberAction } from './AdminMemberRow.js';
import { showMemberChange } from './show-member-change.js';
import { SuspendDialog } from './SuspendDialog.js';

const STATUSES: { value: AdminMemberStatus | ''; label: string }[] = [
  { value: '', label: 'Everyone' },
  { value: 'active', label: 'Active' },
  { value: 'unverified', label: 'Unverified' },
  { value: 'restricted', label: 'Restricted' },
  { value: 'suspended', label: 'Suspended' },
];

/** "No suspended members", "No members match "sam"": what the list has none of. */
function noMembersTitle(status: AdminMemberStatus | '', q: string): string {
  const label = STATUSES.find((option) => option.value === status && status !== '')?.label;
  const who = label ? `${label.toLowerCase()} members` : 'members';
  return q ? `No ${who} match “${q}”` : `No ${who}`;
}

/** The status a member leaves by the action, and with it a list showing that status only. */
const LEFT_STATUS: Record<MemberAction, AdminMemberStatus> = {
  unsuspend: 'suspended',
  lift: 'restricted',
};

export function AdminMembersSection() {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<AdminMemberStatus | ''>('');
  const q = useDeferredValue(query.trim());
  const members = useCursorList({
    queryKey: adminKeys.members(q, status),
    fetchPage: (cursor) => listAdminMembers(q, status, cursor),
  });
  const count = useQuery({
    queryKey: adminKeys.memberCount(q, status),
    queryFn: () => countAdminMembers(q, status),
  });
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const windowDays = useRules()?.dontKnowWindowDays;
  const [suspending, setSuspending] = useState<AdminMember | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = useRef<HTMLUListElement>(null);
  const statusChips = useRef<HTMLDivElement>(null);

  /**
   * The keyboard after an action whose button goes away with it: on the member's name, or, when
   * the member is about to leave the list's status filter, on the next member's action.
   */
  function focusAfter(member: AdminMember, leavesList: boolean) {
    const row = rowWith(rows.current, 'member', member.handle);
    if (leavesList) focusNextRow(row, 'button', heading.current);
    else row?.querySelector<HTMLElement>('.member-name')?.focus();
  }

  /** Lift and Unsuspend: the keyboard moves only if it was on the member's row. */
  function keepFocusAfter(member: AdminMember, action: MemberAction) {
    const leaves = status === LEFT_STATUS[action];
    const row = rowWith(rows.current, 'member', member.handle);
    if (leaves || row?.contains(document.activeElement)) focusAfter(member, leaves);
  }

  /** Suspend: the keyboard was in the dialog, which has closed. */
  function focusAfterSuspend(member: AdminMember) {
    focusAfter(member, status !== '' && status !== 'suspended');
  }

  /** The filter widens to every status; the keyboard goes to the chip that now holds it. */
  function showEveryone() {
    flushSync(() => setStatus(''));
    statusChips.current?.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus();
  }

  const act = useMutation({
    mutationFn: ({ member, action }: { member: AdminMember; action: MemberAction }) =>
      action === 'unsuspend' ? unsuspendMember(member.handle) : liftRestriction(member.handle),
    onSuccess: (_result, { member, action }) => {
      keepFocusAfter(member, action);
      toasts.show({
        message:
          action === 'unsuspend'
            ? `${member.name} is no longer suspended.`
            : `${member.name} can send invitations again.`,
      });
      return showMemberChange(queryClient, member.handle);
    },
    onError: (error, { member }) =>
      toasts.show({ message: describeError(error, { name: member.name }) }),
    onSettled: () => void refreshAfterChange(queryClient),
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
      <div className="chips" role="group" aria-label="Status" ref={statusChips}>
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
      {members.query.isPending ? (
        <Loading label="Loading members…" />
      ) : members.query.isError ? (
        <LoadError error={members.query.error} onRetry={() => void members.query.refetch()} />
      ) : members.items.length === 0 ? (
        <EmptyState title={noMembersTitle(status, q)}>
          {status !== '' && (
            <p>
              <button type="button" className="button button-quiet" onClick={showEveryone}>
                Show every member{q ? ' that matches' : ''}
              </button>
            </p>
          )}
        </EmptyState>
      ) : (
        <InfiniteList list={members} noun={['member', 'members']} total={count.data?.count}>
          <ul className="rows" aria-label="Members" ref={rows}>
            {members.items.map((member) => (
              <AdminMemberRow
                key={member.handle}
                member={member}
                windowDays={windowDays}
                busy={act.isPending}
                onAct={act.mutate}
                onSuspend={setSuspending}
              />
            ))}
          </ul>
        </InfiniteList>
      )}
      {suspending && (
        <SuspendDialog
          member={suspending}
          onClose={() => setSuspending(null)}
          onSuspended={focusAfterSuspend}
        />
      )}
    </section>
  );
}
