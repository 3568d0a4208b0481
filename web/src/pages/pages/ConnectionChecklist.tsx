import { memo, useDeferredValue, useState } from 'react';
import { describeCode } from '../../api/problem-messages.js';
import { useInvitees, useMe } from '../../api/queries.js';
import type { Invitee, InviteTarget, MemberSummary } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { describeMember, firstName } from '../../lib/member.js';
import { formatDate } from '../../lib/time.js';

interface ConnectionChecklistProps {
  target: InviteTarget;
  selected: ReadonlyMap<string, MemberSummary>;
  onToggle: (member: MemberSummary) => void;
}

interface ChecklistRowProps {
  member: MemberSummary;
  /** Why they cannot be invited now, in a few words; they can when absent. */
  unavailable?: string;
  checked: boolean;
  onToggle: (member: MemberSummary) => void;
}

/** What keeps a connection from being invited, short enough to sit under their name. */
function unavailableNote({ member, refusal }: Invitee): string | undefined {
  if (!refusal) return undefined;
  switch (refusal.code) {
    case 'invitation_already_open':
      return 'Already invited';
    case 'already_following':
      return 'Already follows this page';
    case 'already_attending':
      return 'Already attending';
    case 'page_invitations_forbidden':
      return 'Does not take page invitations';
    case 'resend_cooldown':
      return refusal.retryAt
        ? `You withdrew an invitation; you can invite them again on ${formatDate(refusal.retryAt)}`
        : 'You withdrew an invitation recently';
    default:
      return describeCode(refusal.code, refusal.retryAt, firstName(member));
  }
}

/** Memoised: ticking one of thousands, or loading the next page, redraws only what changed. */
const ChecklistRow = memo(function ChecklistRow(props: ChecklistRowProps) {
  const { member, unavailable, checked, onToggle } = props;
  const noteId = `invitee-${member.handle}-note`;
  return (
    <li>
      <label className={unavailable ? 'checklist-item is-unavailable' : 'checklist-item'}>
        <input
          type="checkbox"
          className="row-check"
          checked={checked}
          disabled={unavailable !== undefined}
          aria-describedby={unavailable ? noteId : undefined}
          onChange={() => onToggle(member)}
        />
        <Avatar name={member.name} handle={member.handle} size="small" />
        <span className="member-text">
          <span className="checklist-name">{member.name}</span>
          <span className="member-headline">{describeMember(member)}</span>
          {unavailable && (
            <span className="checklist-note" id={noteId}>
              {unavailable}
            </span>
          )}
        </span>
      </label>
    </li>
  );
});

/**
 * The member's connections with a checkbox each; what is ticked stays ticked across searches.
 * Those who cannot be invited to this target now say why, and cannot be ticked.
 */
export function ConnectionChecklist({ target, selected, onToggle }: ConnectionChecklistProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const connections = useInvitees(target, deferred);
  const { data: me } = useMe();

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor="invite-search">Search your connections</label>
        <input
          id="invite-search"
          type="search"
          autoComplete="off"
          value={query}
          data-autofocus
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {connections.query.isPending ? (
        <Loading label="Loading connections…" />
      ) : connections.query.isError ? (
        <LoadError
          error={connections.query.error}
          onRetry={() => void connections.query.refetch()}
        />
      ) : connections.items.length === 0 ? (
        <EmptyState title={deferred ? `No connections match “${deferred}”` : 'No connections yet'}>
          <p>Only your connections can be invited.</p>
        </EmptyState>
      ) : (
        <div className="checklist-scroll">
          <InfiniteList
            list={connections}
            noun={['connection', 'connections']}
            total={deferred ? undefined : me?.counts.connections}
          >
            <fieldset className="checklist">
              <legend className="visually-hidden">Connections to invite</legend>
              <ul className="checklist-items">
                {connections.items.map((invitee) => (
                  <ChecklistRow
                    key={invitee.member.handle}
                    member={invitee.member}
                    unavailable={unavailableNote(invitee)}
                    checked={selected.has(invitee.member.handle)}
                    onToggle={onToggle}
                  />
                ))}
              </ul>
            </fieldset>
          </InfiniteList>
        </div>
      )}
    </div>
  );
}
