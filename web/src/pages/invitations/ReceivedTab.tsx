import { Link, useSearchParams } from 'react-router';
import { useReceived, useReceivedCount } from '../../api/queries.js';
import type { InvitationKind } from '../../api/types.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { countsWithAll, KIND_LABELS, KindChips } from './KindChips.js';
import { ReceivedInvitationItem } from './ReceivedInvitationItem.js';

type Filter = 'all' | InvitationKind;
const FILTERS: Filter[] = ['all', 'connection', 'page', 'event'];
const LABELS: Record<Filter, string> = { all: 'All', ...KIND_LABELS };

function parseFilter(value: string | null): Filter {
  return FILTERS.find((filter) => filter === value) ?? 'all';
}

export function ReceivedTab() {
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('kind'));
  const received = useReceived(filter === 'all' ? undefined : filter);
  const count = useReceivedCount();

  return (
    <>
      <div className="toolbar">
        <KindChips
          label="Show received invitations for"
          options={FILTERS}
          current={filter}
          counts={countsWithAll(count.data)}
          labels={LABELS}
          onChange={(kind) => setParams(kind === 'all' ? {} : { kind }, { replace: true })}
        />
      </div>
      {received.isPending ? (
        <Loading label="Loading invitations…" />
      ) : received.isError ? (
        <LoadError error={received.error} onRetry={() => void received.refetch()} />
      ) : received.data.items.length === 0 ? (
        <EmptyState title="No pending invitations">
          <p>
            When someone invites you, it shows up here. Meanwhile, look at{' '}
            <Link to="/mynetwork">people you may know</Link>.
          </p>
        </EmptyState>
      ) : (
        <ul className="rows" aria-label="Received invitations">
          {received.data.items.map((invitation) => (
            <ReceivedInvitationItem key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
    </>
  );
}
