import { useDeferredValue, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { removeConnection } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { keys, refreshAfterChange, useConnections, useMe } from '../../api/queries.js';
import type { MemberSummary } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { useMemberRowRemoval } from '../../components/use-member-row-removal.js';
import { firstName, plural } from '../../lib/member.js';
import { ConnectionRow } from './ConnectionRow.js';

export function ConnectionsPage() {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const connections = useConnections(deferred);
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [removing, setRemoving] = useState<MemberSummary | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const { rows, removeRow } = useMemberRowRemoval(keys.connectionLists, search);

  const remove = useMutation({
    mutationFn: (member: MemberSummary) => removeConnection(member.handle),
    onSuccess: (_result, member) => {
      toasts.show({ message: `${firstName(member)} was removed from your connections.` });
      removeRow(member.handle);
      setRemoving(null);
    },
    // Not awaited: the row has left already (see useMemberRowRemoval).
    onSettled: () => void refreshAfterChange(queryClient),
  });

  return (
    <section className="card" aria-labelledby="connections-title">
      <title>Connections | Rapport</title>
      <h1 id="connections-title" className="card-title">
        {me ? plural(me.counts.connections, 'connection') : 'Connections'}
      </h1>
      <div className="field">
        <label htmlFor="connections-filter">Search your connections</label>
        <input
          id="connections-filter"
          ref={search}
          type="search"
          value={query}
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
          <p>
            Invite people you know from <Link to="/mynetwork">My Network</Link>.
          </p>
        </EmptyState>
      ) : (
        <InfiniteList
          list={connections}
          noun={['connection', 'connections']}
          total={deferred ? undefined : me?.counts.connections}
        >
          <ul className="rows" ref={rows}>
            {connections.items.map(({ member, connectedAt }) => (
              <ConnectionRow
                key={member.handle}
                member={member}
                connectedAt={connectedAt}
                onRemove={setRemoving}
              />
            ))}
          </ul>
        </InfiniteList>
      )}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove ${removing.name} from your connections?`}
          confirmLabel="Remove connection"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => remove.mutate(removing)}
          busy={remove.isPending}
          error={remove.isError ? describeError(remove.error) : null}
        >
          <p>{firstName(removing)} won&apos;t be told. You&apos;ll stop following each other.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
