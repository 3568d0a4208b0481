import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { usePage } from '../../api/queries.js';
import { MemberLine } from '../../components/MemberLine.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { FollowPageButton } from './FollowPageButton.js';
import { PageInvitationsCard } from './PageInvitationsCard.js';

export function PageDetailPage() {
  const { id = '' } = useParams();
  const page = usePage(id);

  if (page.isPending) return <Loading label="Loading page…" />;
  if (page.isError) {
    if (page.error instanceof ApiError && page.error.status === 404) {
      return (
        <div className="card">
          <title>Page not available | Rapport</title>
          <h1 className="card-title">This page isn&apos;t available</h1>
          <EmptyState title="It may have been removed, or the address is mistyped.">
            <p>
              See <Link to="/pages">your pages</Link>.
            </p>
          </EmptyState>
        </div>
      );
    }
    return <LoadError error={page.error} onRetry={() => void page.refetch()} />;
  }

  const data = page.data;
  return (
    <div className="stack entity">
      <title>{`${data.name} | Rapport`}</title>
      <section className="card" aria-labelledby="page-name">
        <h1 id="page-name">{data.name}</h1>
        <p className="meta">
          <span>{plural(data.followerCount, 'follower')}</span>
          {data.isAdmin && <span>You&apos;re an admin</span>}
          {!data.isAdmin && data.following && <span>You follow this page</span>}
        </p>
        {data.description && <p className="entity-description">{data.description}</p>}
        <div className="profile-actions">
          <FollowPageButton page={data} />
        </div>
      </section>
      {data.credits && <PageInvitationsCard page={data} credits={data.credits} />}
      <section className="card" aria-labelledby="admins-title">
        <h2 id="admins-title" className="card-title">
          {data.admins.length === 1 ? 'Admin' : 'Admins'}
        </h2>
        <ul className="rows">
          {data.admins.map((admin) => (
            <li key={admin.handle} className="invitation-row">
              <MemberLine member={admin} size="small" />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
