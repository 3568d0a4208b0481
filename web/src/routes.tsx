import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from './components/AppShell.js';
import { AdminPage } from './pages/admin/AdminPage.js';
import { ConnectionsPage } from './pages/connections/ConnectionsPage.js';
import { FollowsPage } from './pages/connections/FollowsPage.js';
import { EventDetailPage } from './pages/events/EventDetailPage.js';
import { EventsPage } from './pages/events/EventsPage.js';
import { InsightsPage } from './pages/insights/InsightsPage.js';
import { InvitationManagerPage } from './pages/invitations/InvitationManagerPage.js';
import { MyNetworkPage } from './pages/mynetwork/MyNetworkPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { NotificationsPage } from './pages/notifications/NotificationsPage.js';
import { PageDetailPage } from './pages/pages/PageDetailPage.js';
import { PagesPage } from './pages/pages/PagesPage.js';
import { ProfilePage } from './pages/profile/ProfilePage.js';
import { SearchPage } from './pages/search/SearchPage.js';
import { SettingsPage } from './pages/settings/SettingsPage.js';
import { WebhooksPage } from './pages/settings/webhooks/WebhooksPage.js';
import { SignInPage } from './pages/auth/SignInPage.js';
import { SignUpPage } from './pages/auth/SignUpPage.js';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage.js';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage.js';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage.js';

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  { path: '/signup', element: <SignUpPage /> },
  { path: '/verify-email', element: <VerifyEmailPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    path: '/',
    element: <AppShell />,
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
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
