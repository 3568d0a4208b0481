import type { InvitationKind, KindCounts, ReceivedFilter } from '../../api/types.js';
import { holdsKind, KIND_FILTERS, type KindFilter } from './kind-filter.js';
import type { Order } from './ListFilters.js';
import type { Selection } from './use-selection.js';

export type ReceivedStatus = 'pending' | 'ignored';
export const STATUSES: ReceivedStatus[] = ['pending', 'ignored'];

/** What the Received tab shows, kept in the address so a filtered view can be linked to. */
export interface ReceivedView {
  kind: KindFilter;
  status: ReceivedStatus;
  withNote: boolean;
  order: Order;
}

export function readReceivedView(params: URLSearchParams): ReceivedView {
  return {
    kind: KIND_FILTERS.find((kind) => kind === params.get('kind')) ?? 'all',
    status: params.get('status') === 'ignored' ? 'ignored' : 'pending',
    withNote: params.get('withNote') === 'true',
    order: params.get('order') === 'oldest' ? 'oldest' : 'newest',
  };
}

export function writeReceivedView(view: ReceivedView): URLSearchParams {
  const next = new URLSearchParams();
  if (view.kind !== 'all') next.set('kind', view.kind);
  if (view.status !== 'pending') next.set('status', view.status);
  if (view.withNote) next.set('withNote', 'true');
  if (view.order !== 'newest') next.set('order', view.order);
  return next;
}

export function receivedFilter(view: ReceivedView): ReceivedFilter {
  return {
    kind: view.kind === 'all' ? undefined : view.kind,
    status: view.status,
    withNote: view.withNote || undefined,
    order: view.order,
  };
}

const KIND_WORDS: Record<KindFilter, string> = {
  all: '',
  connection: 'connection ',
  page: 'page ',
  event: 'event ',
};

/** What an empty Received list says it holds none of: its status, kind and note filter. */
export function emptyTitle(view: Pick<ReceivedView, 'kind' | 'status' | 'withNote'>): string {
  const note = view.withNote ? ' with a note' : '';
  return `No ${view.status} ${KIND_WORDS[view.kind]}invitations${note}`;
}

/** Whether the list is narrowed past its status, so that clearing the filters may show more. */
export function isNarrowed(view: Pick<ReceivedView, 'kind' | 'withNote'>): boolean {
  return view.kind !== 'all' || view.withNote;
}

/**
 * How many of each kind a selection holds: the loaded rows picked one by one, or everything the
 * kind filter matches (`matching`, the server's counts) but the loaded rows unticked since.
 */
export function selectedKinds(
  selection: Selection,
  loaded: readonly { id: string; kind: InvitationKind }[],
  kind: KindFilter,
  matching: KindCounts | undefined,
): Partial<KindCounts> {
  const counts: Partial<KindCounts> = {};
  const add = (k: InvitationKind, n: number) => (counts[k] = (counts[k] ?? 0) + n);
  if (selection.kind === 'some') {
    for (const row of loaded) if (selection.ids.has(row.id)) add(row.kind, 1);
    return counts;
  }
  for (const k of KIND_FILTERS) {
    if (k !== 'all' && holdsKind(kind, k)) add(k, matching?.[k] ?? 0);
  }
  for (const row of loaded) if (selection.excluded.has(row.id)) add(row.kind, -1);
  return counts;
}
