import { memo } from 'react';
import { Link } from 'react-router';
import { usePages } from '../../api/queries.js';
import type { PageSummary } from '../../api/types.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { CreatePageForm } from './CreatePageForm.js';

/** Memoised: loading the next page of a long list leaves the pages shown alone. */
const PageRow = memo(function PageRow({ page }: { page: PageSummary }) {
  return (
    <li className="entity-row">
      <Link className="member-name" to={`/pages/${encodeURIComponent(page.id)}`}>
        {page.name}
      </Link>
      {page.description && <p className="member-headline entity-excerpt">{page.description}</p>}
      <p className="meta">
        <span>{plural(page.followerCount, 'follower')}</span>
        {page.isAdmin ? (
          <span>You&apos;re an admin</span>
        ) : (
          page.following && <span>Following</span>
        )}
      </p>
    </li>
  );
});

function YourPages() {
  const pages = usePages();
  if (pages.query.isPending) return <Loading label="Loading your pages…" />;
  if (pages.query.isError) {
    return <LoadError error={pages.query.error} onRetry={() => void pages.query.refetch()} />;
  }
  if (pages.items.length === 0) {
    return (
      <EmptyState title="No pages yet">
        <p>Pages you run or follow show up here. Create one for your team or organisation.</p>
      </EmptyState>
    );
  }
  return (
    <InfiniteList list={pages} noun={['page', 'pages']}>
      <ul className="rows" aria-label="Your pages">
        {pages.items.map((page) => (
          <PageRow key={page.id} page={page} />
        ))}
      </ul>
    </InfiniteList>
  );
}

export function PagesPage() {
  return (
    <div className="stack">
      <title>Pages | Rapport</title>
      <h1>Pages</h1>
      <div className="hub-grid">
        <section className="card" aria-labelledby="your-pages-title">
          <h2 id="your-pages-title" className="card-title">
            Your pages
          </h2>
          <YourPages />
        </section>
        <CreatePageForm />
      </div>
    </div>
  );
}
