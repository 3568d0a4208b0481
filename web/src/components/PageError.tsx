import { useRouteError } from 'react-router';
import { LoadError } from './Status.js';

/**
 * A page that failed to render. Most often its code could not be fetched (the network dropped, or
 * a release since the tab opened replaced the file), which only loading the app afresh mends.
 */
export function PageError() {
  const error = useRouteError();
  return <LoadError error={error} onRetry={() => window.location.reload()} />;
}
