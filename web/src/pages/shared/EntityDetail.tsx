import { memo, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import type { MemberSummary } from '../../api/types.js';
import { MemberLine } from '../../components/MemberLine.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';

type Noun = 'page' | 'event';

interface EntityDetailProps<T> {
  query: UseQueryResult<T>;
  noun: Noun;
  /** The view of what was loaded. */
  children: (data: T) => ReactNode;
}

/**
 * The view of one page or event once it has loaded; until then a spinner, a retry, or, when
 * there is no such page or event, a way back to the member's list of them.
 */
export function EntityDetail<T>({ query, noun, children }: EntityDetailProps<T>) {
  if (query.isPending) return <Loading label={`Loading ${noun}…`} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return <NotAvailable noun={noun} />;
    }
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}

function NotAvailable({ noun }: { noun: Noun }) {
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} not available | Rapport`;
  return (
    <div className="card">
      <title>{title}</title>
      <h1 className="card-title">{`This ${noun} isn't available`}</h1>
      <EmptyState title="It may have been removed, or the address is mistyped.">
        <p>
          See <Link to={`/${noun}s`}>{`your ${noun}s`}</Link>.
        </p>
      </EmptyState>
    </div>
  );
}

/** One member's row, memoised: loading the next page of a long list leaves the rows shown alone. */
export const MemberRow = memo(function MemberRow({ member }: { member: MemberSummary }) {
  return (
    <li className="invitation-row">
      <MemberLine member={member} size="small" />
    </li>
  );
});

/** Members shown one to a row: a page's admins, an event's organisers. */
export function MemberRows({ members, label }: { members: MemberSummary[]; label?: string }) {
  return (
    <ul className="rows" aria-label={label}>
      {members.map((member) => (
        <MemberRow key={member.handle} member={member} />
      ))}
    </ul>
  );
}
