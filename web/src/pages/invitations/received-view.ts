import type { InvitationKind, ReceivedFilter } from '../../api/types.js';
import type { Order } from './ListFilters.js';

export type KindFilter = 'all' | InvitationKind;
export type ReceivedStatus = 'pending' | 'ignored';

export const KIND_FILTERS: KindFilter[] = ['all', 'connection', 'page', 'event'];
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
