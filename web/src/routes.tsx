import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { AppShell } from './components/AppShell.js';
import { PageError } from './components/PageError.js';
import { SignedOutFrame } from './components/SignedOutFrame.js';
import { lazyPage } from './lib/lazy-page.js';
// Not found is a few hundred bytes and must show even when nothing else has loaded.
import { NotFoundPage } from './pages/NotFoundPage.js';

const AdminPage = lazyPage(async () => (await import('./pages/admin/AdminPage.js')).AdminPage);
const ConnectionsPage = lazyPage(
  async () => (await import('./pages/connections/ConnectionsPage.js')).ConnectionsPage,
);
const FollowsPage = lazyPage(
  async () => (await import('./pages/connections/FollowsPage.js')).FollowsPage,
);
const EventDetailPage = lazyPage(
  async () => (await import('./pages/events/EventDetailPage.js')).EventDetailPage,
);
const EventsPage = lazyPage(async () => (await import('./pages/events/EventsPage.js')).EventsPage);
const InsightsPage = lazyPage(
  async () => (await import('./pages/insights/InsightsPage.js')).InsightsPage,
);
const InvitationManagerPage = lazyPage(
  async () => (await import('./pages/invitations/InvitationManagerPage.js')).InvitationManagerPage,
);
const MyNetworkPage = lazyPage(
  async () => (await import('./pages/mynetwork/MyNetworkPage.js')).MyNetworkPage,
);
const NotificationsPage = lazyPage(
  async () => (await import('./pages/notifications/NotificationsPage.js')).NotificationsPage,
);
const PageDetailPage = lazyPage(
  async () => (await import('./pages/pages/PageDetailPage.js')).PageDetailPage,
);
const PagesPage = lazyPage(async () => (await import('./pages/pages/PagesPage.js')).PagesPage);
const ProfilePage = lazyPage(
  async () => (await import('./pages/profile/ProfilePage.js')).ProfilePage,
);
const SearchPage = lazyPage(async () => (await import('./pages/search/SearchPage.js')).SearchPage);
const SettingsPage = lazyPage(
  async () => (await import('./pages/settings/SettingsPage.js')).SettingsPage,
);
const WebhooksPage = lazyPage(
  async () => (await import('./pages/settings/webhooks/WebhooksPage.js')).WebhooksPage,
);
const SignInPage = lazyPage(async () => (await import('./pages/auth/SignInPage.js')).SignInPage);
const SignUpPage = lazyPage(async () => (await import('./pages/auth/SignUpPage.js')).SignUpPage);
const VerifyEmailPage = lazyPage(
  async () => (await import('./pages/auth/VerifyEmailPage.js')).VerifyEmailPage,
);
const ForgotPasswordPage = lazyPage(
  async () => (await import('./pages/auth/ForgotPasswordPage.js')).ForgotPasswordPage,
);
const ResetPasswordPage = lazyPage(
  async () => (await import('./pages/auth/ResetPasswordPage.js')).ResetPasswordPage,
);

/** Another spelling of `pathname`'s address: goes there, keeping what the query asks (`?next=`). */
function SpelledAs({ pathname }: { pathname: string }) {
  const { search } = useLocation();
  return <Navigate to={{ pathname, search }} replace />;
}

export const router = createBrowserRouter([
  {
    element: <SignedOutFrame />,
    errorElement: (
      <main id="main" className="page">
        <PageError />
      </main>
    ),
    children: [
      { path: '/signin', element: <SignInPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
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
    path: '/',
    element: <AppShell />,
    children: [
      {
        // Inside the frame, so a page that fails leaves the navigation in place.
        errorElement: <PageError />,
        children: [
          { index: true, element: <Navigate to="/mynetwork" replace /> },
          { path: 'mynetwork', element: <MyNetworkPage /> },
          {
            path: 'mynetwork/invitation-manager',
            element: <Navigate to="/mynetwork/invitation-manager/received" replace />,
          },
          { path: 'mynetwork/invitation-manager/:tab', element: <InvitationManagerPage /> },
          { path: 'in/:handle', element: <ProfilePage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'settings/webhooks', element: <WebhooksPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'connections', element: <ConnectionsPage /> },
          { path: 'followers', element: <FollowsPage side="followers" key="followers" /> },
          { path: 'following', element: <FollowsPage side="following" key="following" /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'insights', element: <InsightsPage /> },
          { path: 'pages', element: <PagesPage /> },
          { path: 'pages/:id', element: <PageDetailPage /> },
          { path: 'events', element: <EventsPage /> },
          { path: 'events/:id', element: <EventDetailPage /> },
          { path: 'admin/:section?', element: <AdminPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
