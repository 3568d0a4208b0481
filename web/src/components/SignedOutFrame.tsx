import { Outlet, useNavigation } from 'react-router';
import { PageLoading } from './Status.js';

/** The pages before signing in bring their own frame; until a page's code arrives, the spinner stands in. */
export function SignedOutFrame() {
  return useNavigation().state === 'loading' ? <PageLoading /> : <Outlet />;
}
