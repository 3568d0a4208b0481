import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageLoading } from './Status.js';

/** The pages before signing in bring their own frame; until a page's code arrives, the spinner stands in. */
export function SignedOutFrame() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}
