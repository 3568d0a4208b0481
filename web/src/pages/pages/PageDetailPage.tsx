import { useParams } from 'react-router';
import { usePage } from '../../api/queries.js';
import type { PageView } from '../../api/types.js';
import { plural } from '../../lib/member.js';
import { EntityDetail, MemberRows } from '../shared/EntityDetail.js';
import { FollowPageButton } from './FollowPageButton.js';
import { PageInvitationsCard } from './PageInvitationsCard.js';

export function PageDetailPage() {
  const { id = '' } = useParams();
  const page = usePage(id);
  return (
    <EntityDetail query={page} noun="page">
      {(data) => <PageDetail page={data} />}
    </EntityDetail>
  );
}

function PageDetail({ page }: { page: PageView }) {
  return (
    <div className="stack entity">
      <title>{`${page.name} | Rapport`}</title>
      <section className="card" aria-labelledby="page-name">
        <h1 id="page-name">{page.name}</h1>
        <p className="meta">
          <span>{plural(page.followerCount, 'follower')}</span>
          {page.isAdmin && <span>You&apos;re an admin</span>}
          {!page.isAdmin && page.following && <span>You follow this page</span>}
        </p>
        {page.description && <p className="entity-description">{page.description}</p>}
        <div className="profile-actions">
          <FollowPageButton page={page} />
        </div>
      </section>
      {page.credits && <PageInvitationsCard page={page} credits={page.credits} />}
      <section className="card" aria-labelledby="admins-title">
        <h2 id="admins-title" className="card-title">
          {page.admins.length === 1 ? 'Admin' : 'Admins'}
        </h2>
        <MemberRows members={page.admins} />
      </section>
    </div>
  );
}
