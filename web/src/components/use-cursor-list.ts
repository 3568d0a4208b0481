import { useMemo } from 'react';
import {
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
