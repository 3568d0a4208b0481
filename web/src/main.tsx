import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthenticatedHandler } from './api/client.js';
import { ToastProvider } from './components/Toasts.js';
import { router } from './routes.js';
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
  const { pathname, search } = window.location;
  if (pathname === '/signin' || pathname === '/signup') return;
  queryClient.clear();
  const next = encodeURIComponent(pathname + search);
  void router.navigate(`/signin?next=${next}`, { replace: true });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
