import { lazy, type ComponentType } from 'react';

/**
 * A page fetched on its first visit, as a chunk of its own, so a member downloads only the pages
 * they open. React.lazy wants a default export; the pages export by name.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
