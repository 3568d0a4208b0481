import { Link } from 'react-router';
import { useReceived, useReceivedCount } from '../../api/queries.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { ReceivedInvitationItem } from '../invitations/ReceivedInvitationItem.js';
import { formatCount } from '../../lib/format.js';

const PREVIEW_SIZE = 3;

export function InvitationsPreview() {
  const received = useReceived();
  const count = useReceivedCount();
  const total = count.data?.total ?? received.data?.items.length ?? 0;

  return (
    <section className="card" aria-labelledby="invitations-title">
      <div className="card-header">
        <h2 id="invitations-title" className="card-title">
          Invitations {count.data ? `(${formatCount(total)})` : ''}
        </h2>
        {total > 0 && (
          <Link to="/mynetwork/invitation-manager/received" className="card-link">
            See all {formatCount(total)}
          </Link>
        )}
      </div>
      {received.isPending ? (
        <Loading label="Loading invitations…" />
      ) : received.isError ? (
        <LoadError error={received.error} onRetry={() => void received.refetch()} />
      ) : received.data.items.length === 0 ? (
        <EmptyState title="No pending invitations">
          <p>Invite people you know from the suggestions below, or search for them by name.</p>
        </EmptyState>
      ) : (
        <ul className="rows">
          {received.data.items.slice(0, PREVIEW_SIZE).map((invitation) => (
            <ReceivedInvitationItem key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
    </section>
  );
}
