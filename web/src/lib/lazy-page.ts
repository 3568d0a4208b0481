import type { ReactNode } from 'react';

/**
 * A route's page fetched on its first visit, as a chunk of its own, so a member downloads only the
 * pages they open. The router fetches it before it shows the route: with React.lazy, React showed
 * a spinner and then held the arrived page back for up to 300 ms (it reveals suspended content in
 * batches), and the page's own requests waited with it.
 */
export function lazyPage<M>(load: () => Promise<M>, render: (page: M) => ReactNode) {
  return async () => ({ element: render(await load()) });
}
