import { useEffect, useRef } from 'react';
import {
  NavigationType,
  Outlet,
  useLocation,
  useNavigation,
  useNavigationType,
} from 'react-router';
import { useMe } from '../api/queries.js';
import { focusIfLost } from './focus-if-lost.js';
import { LoadError, Loading, PageLoading } from './Status.js';
import { TopNav } from './TopNav.js';
import { useUnsentWithdrawals } from './unsent-withdrawals.js';
import { VerifyEmailBanner } from './VerifyEmailBanner.js';

/** The frame of every signed-in page: top navigation, then the page. */
export function AppShell() {
  const me = useMe();
  useUnsentWithdrawals(me.data?.id);
  // The router keeps the last page up while the next one's code arrives (its first visit); the
  // spinner stands in for it instead. Within a route (another profile, another invitation tab)
  // nothing loads and the page stays mounted, so its state and focus stay too.
  const loading = useNavigation().state === 'loading';
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const navigation = useNavigationType();
  const ready = me.isSuccess;
  // A form that navigates when done (signing in, creating a page) takes the keyboard focus away
  // with it: the member then starts again on the new page rather than at the top of the
  // document. A load, back or forward (POP) leaves focus to the browser.
  useEffect(() => {
    if (ready && navigation !== NavigationType.Pop) focusIfLost(main.current);
  }, [ready, navigation, location.key]);
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
      <main id="main" className="page" tabIndex={-1} ref={main}>
        <VerifyEmailBanner me={me.data} />
        {loading ? <Loading /> : <Outlet />}
      </main>
    </>
  );
}
