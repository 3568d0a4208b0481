import { Outlet } from 'react-router';
import { useMe } from '../api/queries.js';
import { LoadError, PageLoading } from './Status.js';
import { TopNav } from './TopNav.js';
import { VerifyEmailBanner } from './VerifyEmailBanner.js';

/** The frame of every signed-in page: top navigation, then the page. */
export function AppShell() {
  const me = useMe();
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
        <Outlet />
      </main>
    </>
  );
}
