import { Link } from 'react-router';
import { usePages } from '../../api/queries.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { CreatePageForm } from './CreatePageForm.js';

function YourPages() {
  const pages = usePages();
  if (pages.isPending) return <Loading label="Loading your pages…" />;
  if (pages.isError) return <LoadError error={pages.error} onRetry={() => void pages.refetch()} />;
  if (pages.data.items.length === 0) {
    return (
      <EmptyState title="No pages yet">
        <p>Pages you run or follow show up here. Create one for your team or organisation.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="rows" aria-label="Your pages">
      {pages.data.items.map((page) => (
        <li key={page.id} className="entity-row">
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
      ))}
    </ul>
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
