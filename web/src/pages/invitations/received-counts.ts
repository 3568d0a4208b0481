import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../../api/queries.js';
import { removeCachedRows } from '../../components/use-cursor-list.js';
import type { KindCounts, ReceivedCountFilter, ReceivedInvitation } from '../../api/types.js';

interface ReceivedCount {
  total: number;
  byKind: KindCounts;
}

type Status = ReceivedInvitation['status'];

/** Every received count the pages ask for: the tab's and My Network's, and each chip row's. */
const FILTERS: ReceivedCountFilter[] = [
  {},
  ...(['pending', 'ignored'] as const).flatMap((status) => [
    { status },
    { status, withNote: true },
  ]),
];

/** Whether `filter` counts `invitation` while it has `status` (the server's pending by default). */
function counts(filter: ReceivedCountFilter, invitation: ReceivedInvitation, status: Status) {
  return (filter.status ?? 'pending') === status && (!filter.withNote || invitation.note !== null);
}

function shift(
  queryClient: QueryClient,
  invitation: ReceivedInvitation,
  status: Status,
  by: number,
): void {
  for (const filter of FILTERS.filter((f) => counts(f, invitation, status))) {
    queryClient.setQueryData<ReceivedCount>(keys.receivedCount(filter), (count) =>
      count
        ? {
            total: count.total + by,
            byKind: { ...count.byKind, [invitation.kind]: count.byKind[invitation.kind] + by },
          }
        : count,
    );
  }
}

/**
 * What the page shows once the invitations `answered` names are accepted or ignored, one or
 * several: their rows leave every loaded received list, and each of `known` (those the page
 * holds) leaves the counts of the status it had, an ignored one joining the ignored ones. So the
 * rows, the tab, the chips and My Network's "See all" change together with the answer, not as
 * each is read again behind it.
 */
export function showAnswered(
  queryClient: QueryClient,
  answered: ReadonlySet<string>,
  known: readonly ReceivedInvitation[],
  answer: 'accept' | 'ignore',
): void {
  removeCachedRows<ReceivedInvitation>(queryClient, keys.receivedLists, (row) =>
    answered.has(row.id),
  );
  for (const invitation of known.filter((i) => answered.has(i.id))) {
    shift(queryClient, invitation, invitation.status, -1);
    if (answer === 'ignore') shift(queryClient, invitation, 'ignored', 1);
  }
}
