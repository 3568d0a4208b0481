import type { SentFilter } from '../../api/types.js';
import { KIND_FILTERS, type KindFilter } from './kind-filter.js';
import type { Order } from './ListFilters.js';

export type Age = 'any' | 'stale';

/** What the Sent tab shows, kept in the address so a filtered view can be linked to. */
export interface SentView {
  kind: KindFilter;
  age: Age;
  order: Order;
  q: string;
}

export function readSentView(params: URLSearchParams): SentView {
  return {
    kind: KIND_FILTERS.find((kind) => kind === params.get('kind')) ?? 'all',
    age: params.get('age') === 'stale' ? 'stale' : 'any',
    order: params.get('order') === 'oldest' ? 'oldest' : 'newest',
    q: params.get('q') ?? '',
  };
}

export function writeSentView(view: SentView, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, fallback: string) =>
    value === fallback ? next.delete(key) : next.set(key, value);
  set('kind', view.kind, 'all');
  set('age', view.age, 'any');
  set('order', view.order, 'newest');
  set('q', view.q, '');
  return next;
}

/**
 * The API's form of the view: the list's query, and R18's filter form for bulk withdrawal.
 * `staleAfterDays` is the instance's rule for "stale", as the clean-up counts it.
 */
export function sentFilter(view: SentView, staleAfterDays: number | undefined): SentFilter {
  return {
    kind: view.kind === 'all' ? undefined : view.kind,
    olderThanDays: view.age === 'stale' ? staleAfterDays : undefined,
    order: view.order,
    q: view.q || undefined,
  };
}
