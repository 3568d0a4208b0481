import { useSearchParams } from 'react-router';
import { useSearch } from '../../api/queries.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { PersonRow } from './PersonRow.js';

export function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const results = useSearch(q);

  return (
    <section className="card" aria-labelledby="search-title">
      <title>{q ? `“${q}” — Search | Rapport` : 'Search | Rapport'}</title>
      <h1 id="search-title" className="card-title">
        {q ? `People matching “${q}”` : 'Search people'}
      </h1>
      {!q ? (
        <EmptyState title="Type a name, company or headline in the search box above." />
      ) : results.query.isPending ? (
        <Loading label="Searching…" />
      ) : results.query.isError ? (
        <LoadError error={results.query.error} onRetry={() => void results.query.refetch()} />
      ) : results.items.length === 0 ? (
        <EmptyState title={`No one matches “${q}”`}>
          <p>Check the spelling, or try a company or a shorter part of the name.</p>
        </EmptyState>
      ) : (
        <InfiniteList list={results} noun={['person', 'people']}>
          <ul className="rows">
            {results.items.map((member) => (
              <PersonRow key={member.handle} member={member} />
            ))}
          </ul>
        </InfiniteList>
      )}
    </section>
  );
}
