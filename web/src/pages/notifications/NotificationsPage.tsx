import { useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markNotificationsRead } from '../../api/endpoints.js';
import { keys, useNotificationList, useUnreadNotifications } from '../../api/queries.js';
import { BusyButton } from '../../components/BusyButton.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { NotificationItem } from './NotificationItem.js';

export function NotificationsPage() {
  const notifications = useNotificationList();
  const unread = useUnreadNotifications().data ?? 0;
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const markAllRead = useMutation({
    mutationFn: () => markNotificationsRead(),
    // The button goes away with the last unread one; the keyboard stays on this page's heading.
    onSuccess: () => heading.current?.focus(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });

  return (
    <section className="card" aria-labelledby="notifications-title">
      <title>Notifications | Rapport</title>
      <div className="card-header">
        <h1 id="notifications-title" className="card-title" ref={heading} tabIndex={-1}>
          Notifications
        </h1>
        {unread > 0 && (
          <BusyButton
            className="button button-quiet"
            busy={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            Mark all as read
          </BusyButton>
        )}
      </div>
      {notifications.query.isPending ? (
        <Loading label="Loading notifications…" />
      ) : notifications.query.isError ? (
        <LoadError
          error={notifications.query.error}
          onRetry={() => void notifications.query.refetch()}
        />
      ) : notifications.items.length === 0 ? (
        <EmptyState title="Nothing new">
          <p>
            You&apos;ll hear here when someone invites you or accepts your invitation.{' '}
            <Link to="/mynetwork">Find people you know</Link>.
          </p>
        </EmptyState>
      ) : (
        <InfiniteList list={notifications} noun={['notification', 'notifications']}>
          <ul className="rows">
            {notifications.items.map((item) => (
              <NotificationItem key={item.id} notification={item} />
            ))}
          </ul>
        </InfiniteList>
      )}
    </section>
  );
}
