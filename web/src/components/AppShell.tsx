import { Suspense } from 'react';
import { Outlet, useMatches } from 'react-router';
import { useMe } from '../api/queries.js';
import { LoadError, Loading, PageLoading } from './Status.js';
import { TopNav } from './TopNav.js';
import { VerifyEmailBanner } from './VerifyEmailBanner.js';

/** The frame of every signed-in page: top navigation, then the page. */
export function AppShell() {
  const me = useMe();
  // Navigations run as transitions, which would keep the last page up while the next one's code
  // loads; a boundary of its own per route shows the spinner there instead. Within a route (another
  // profile, another invitation tab) the page stays mounted, so its state and focus stay too.
  const route = useMatches().at(-1)?.id;
  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    return (
      <main id="main" className="page">
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <>
      <TopNav me={me.data} />
      <main id="main" className="page" tabIndex={-1}>
        <VerifyEmailBanner me={me.data} />
        <Suspense key={route} fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
