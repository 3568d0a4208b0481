import { useMemo } from 'react';
import {
  type InfiniteData,
  type QueryClient,
  type QueryKey,
  useInfiniteQuery,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';

/** One page of any list the API answers: `nextCursor` is null on the last page (R40). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorList<T> {
  /** Every row loaded so far, pages concatenated in order. */
  items: T[];
  query: UseInfiniteQueryResult<{ pages: CursorPage<T>[] }>;
}

interface CursorListOptions<T> {
  queryKey: QueryKey;
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>;
  enabled?: boolean;
  refetchInterval?: number;
}

/** A list read page by page with the API's cursor, as far as the member goes (R40). */
export function useCursorList<T>(options: CursorListOptions<T>): CursorList<T> {
  const { queryKey, fetchPage, enabled, refetchInterval } = options;
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: CursorPage<T>) => last.nextCursor ?? undefined,
    enabled,
    refetchInterval,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { items, query };
}

/**
 * Changes the rows of every loaded page of every list under `queryKey`, in place; `change` is
 * told which list's rows it has. Reading the lists again would read every page the member has
 * loaded, thousands of rows for a busy member, before a row could show what the server already
 * answered.
 */
export function changeCachedPages<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  change: (items: T[], list: QueryKey) => T[],
): void {
  for (const [list, data] of queryClient.getQueriesData<InfiniteData<CursorPage<T>>>({
    queryKey,
  })) {
    if (!data) continue;
    queryClient.setQueryData<InfiniteData<CursorPage<T>>>(list, {
      ...data,
      pages: data.pages.map((page) => ({ ...page, items: change(page.items, list) })),
    });
  }
}

/** Changes one row in every loaded list under `queryKey` (see changeCachedPages). */
export function changeCachedRow<T extends { id: string }>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  id: string,
  change: (row: T) => T,
): void {
  changeCachedPages<T>(queryClient, queryKey, (items) =>
    items.map((row) => (row.id === id ? change(row) : row)),
  );
}

/** Takes the rows `gone` picks out of every loaded list under `queryKey` (see changeCachedPages). */
export function removeCachedRows<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  gone: (row: T) => boolean,
): void {
  changeCachedPages<T>(queryClient, queryKey, (items) => items.filter((row) => !gone(row)));
}
