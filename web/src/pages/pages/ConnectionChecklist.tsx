import { memo, useDeferredValue, useState } from 'react';
import { useConnections, useMe } from '../../api/queries.js';
import type { MemberSummary } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { describeMember, plural } from '../../lib/member.js';

interface ConnectionChecklistProps {
  selected: ReadonlyMap<string, MemberSummary>;
  onToggle: (member: MemberSummary) => void;
}

interface ChecklistRowProps {
  member: MemberSummary;
  checked: boolean;
  onToggle: (member: MemberSummary) => void;
}

/** Memoised: ticking one of thousands, or loading the next page, redraws only what changed. */
const ChecklistRow = memo(function ChecklistRow({ member, checked, onToggle }: ChecklistRowProps) {
  return (
    <li>
      <label className="checklist-item">
        <input
          type="checkbox"
          className="row-check"
          checked={checked}
          onChange={() => onToggle(member)}
        />
        <Avatar name={member.name} handle={member.handle} size="small" />
        <span className="member-text">
          <span className="checklist-name">{member.name}</span>
          <span className="member-headline">{describeMember(member)}</span>
        </span>
      </label>
    </li>
  );
});

/** The member's connections with a checkbox each; what is ticked stays ticked across searches. */
export function ConnectionChecklist({ selected, onToggle }: ConnectionChecklistProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const connections = useConnections(deferred);
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
                {connections.items.map(({ member }) => (
                  <ChecklistRow
                    key={member.handle}
                    member={member}
                    checked={selected.has(member.handle)}
                    onToggle={onToggle}
                  />
                ))}
              </ul>
            </fieldset>
          </InfiniteList>
        </div>
      )}
      <p className="hint" aria-live="polite">
        {selected.size === 0
          ? 'Nobody selected yet.'
          : `${plural(selected.size, 'person', 'people')} selected.`}
      </p>
    </div>
  );
}
