import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { AppShell } from './components/AppShell.js';
import { PageError } from './components/PageError.js';
import { SignedOutFrame } from './components/SignedOutFrame.js';
import { PageLoading } from './components/Status.js';
import { lazyPage } from './lib/lazy-page.js';
// Not found is a few hundred bytes and must show even when nothing else has loaded.
import { NotFoundPage } from './pages/NotFoundPage.js';

/** Another spelling of `pathname`'s address: goes there, keeping what the query asks (`?next=`). */
function SpelledAs({ pathname }: { pathname: string }) {
  const { search } = useLocation();
  return <Navigate to={{ pathname, search }} replace />;
}

/** The route of every signed-in page, whose frame needs to know who is signed in (main.tsx). */
export const SIGNED_IN = 'signed-in';

export const router = createBrowserRouter([
  {
    element: <SignedOutFrame />,
    HydrateFallback: PageLoading,
    errorElement: (
      <main id="main" className="page">
        <PageError />
      </main>
    ),
    children: [
      {
        path: '/signin',
        lazy: lazyPage(
          () => import('./pages/auth/SignInPage.js'),
          (page) => <page.SignInPage />,
        ),
      },
      {
        path: '/signup',
        lazy: lazyPage(
          () => import('./pages/auth/SignUpPage.js'),
          (page) => <page.SignUpPage />,
        ),
      },
      {
        path: '/verify-email',
        lazy: lazyPage(
          () => import('./pages/auth/VerifyEmailPage.js'),
          (page) => <page.VerifyEmailPage />,
        ),
      },
      {
        path: '/forgot-password',
        lazy: lazyPage(
          () => import('./pages/auth/ForgotPasswordPage.js'),
          (page) => <page.ForgotPasswordPage />,
        ),
      },
      {
        path: '/reset-password',
        lazy: lazyPage(
          () => import('./pages/auth/ResetPasswordPage.js'),
          (page) => <page.ResetPasswordPage />,
        ),
      },
      // Spelled with a hyphen like the other account pages, or as many sites name them, they
      // would otherwise read as unknown pages, which send a signed-out visitor to sign in and
      // then to "Page not found".
      { path: '/sign-in', element: <SpelledAs pathname="/signin" /> },
      { path: '/sign-up', element: <SpelledAs pathname="/signup" /> },
      { path: '/login', element: <SpelledAs pathname="/signin" /> },
      { path: '/register', element: <SpelledAs pathname="/signup" /> },
    ],
  },
  {
    id: SIGNED_IN,
    path: '/',
    element: <AppShell />,
    HydrateFallback: PageLoading,
    children: [
      {
        // Inside the frame, so a page that fails leaves the navigation in place.
        errorElement: <PageError />,
        children: [
          { index: true, element: <Navigate to="/mynetwork" replace /> },
          {
            path: 'mynetwork',
            lazy: lazyPage(
              () => import('./pages/mynetwork/MyNetworkPage.js'),
              (page) => <page.MyNetworkPage />,
            ),
          },
          {
            path: 'mynetwork/invitation-manager',
            element: <Navigate to="/mynetwork/invitation-manager/received" replace />,
          },
          {
            path: 'mynetwork/invitation-manager/:tab',
            lazy: lazyPage(
              () => import('./pages/invitations/InvitationManagerPage.js'),
              (page) => <page.InvitationManagerPage />,
            ),
          },
          {
            path: 'in/:handle',
            lazy: lazyPage(
              () => import('./pages/profile/ProfilePage.js'),
              (page) => <page.ProfilePage />,
            ),
          },
          {
            path: 'settings',
            lazy: lazyPage(
              () => import('./pages/settings/SettingsPage.js'),
              (page) => <page.SettingsPage />,
            ),
          },
          {
            path: 'settings/webhooks',
            lazy: lazyPage(
              () => import('./pages/settings/webhooks/WebhooksPage.js'),
              (page) => <page.WebhooksPage />,
            ),
          },
          {
            path: 'notifications',
            lazy: lazyPage(
              () => import('./pages/notifications/NotificationsPage.js'),
              (page) => <page.NotificationsPage />,
            ),
          },
          {
            path: 'connections',
            lazy: lazyPage(
              () => import('./pages/connections/ConnectionsPage.js'),
              (page) => <page.ConnectionsPage />,
            ),
          },
          {
            path: 'followers',
            lazy: lazyPage(
              () => import('./pages/connections/FollowsPage.js'),
              (page) => <page.FollowsPage side="followers" key="followers" />,
            ),
          },
          {
            path: 'following',
            lazy: lazyPage(
              () => import('./pages/connections/FollowsPage.js'),
              (page) => <page.FollowsPage side="following" key="following" />,
            ),
          },
          {
            path: 'search',
            lazy: lazyPage(
              () => import('./pages/search/SearchPage.js'),
              (page) => <page.SearchPage />,
            ),
          },
          {
            path: 'insights',
            lazy: lazyPage(
              () => import('./pages/insights/InsightsPage.js'),
              (page) => <page.InsightsPage />,
            ),
          },
          {
            path: 'pages',
            lazy: lazyPage(
              () => import('./pages/pages/PagesPage.js'),
              (page) => <page.PagesPage />,
            ),
          },
          {
            path: 'pages/:id',
            lazy: lazyPage(
              () => import('./pages/pages/PageDetailPage.js'),
              (page) => <page.PageDetailPage />,
            ),
          },
          {
            path: 'events',
            lazy: lazyPage(
              () => import('./pages/events/EventsPage.js'),
              (page) => <page.EventsPage />,
            ),
          },
          {
            path: 'events/:id',
            lazy: lazyPage(
              () => import('./pages/events/EventDetailPage.js'),
              (page) => <page.EventDetailPage />,
            ),
          },
          {
            path: 'admin/:section?',
            lazy: lazyPage(
              () => import('./pages/admin/AdminPage.js'),
              (page) => <page.AdminPage />,
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
