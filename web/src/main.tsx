import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthenticatedHandler } from './api/client.js';
import { ToastProvider } from './components/Toasts.js';
import { meQuery } from './api/queries.js';
import { router, SIGNED_IN } from './routes.js';
import './styles/base.css';
import './styles/components.css';
import './styles/pages.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

setUnauthenticatedHandler(() => {
  // Where the app is going when a page's code is still on its way there (signing out, leaving),
  // else where it is.
  const { pathname, search } = router.state.navigation.location ?? router.state.location;
  if (pathname === '/signin' || pathname === '/signup') return;
  queryClient.clear();
  const next = encodeURIComponent(pathname + search);
  void router.navigate(`/signin?next=${next}`, { replace: true });
});

// A signed-in page's frame waits to know who is signed in before it shows the page: asked for
// now, the answer travels while the page's code does, not after it.
if (router.state.matches.some((match) => match.route.id === SIGNED_IN)) {
  void queryClient.prefetchQuery(meQuery);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
