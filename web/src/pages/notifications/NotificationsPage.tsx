import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markNotificationsRead } from '../../api/endpoints.js';
import { keys, useNotificationList, useNotifications } from '../../api/queries.js';
import type { Notification } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';

export function NotificationsPage() {
  const notifications = useNotificationList();
  const newest = useNotifications();
  const queryClient = useQueryClient();
  const markedOnce = useRef(false);
  const markRead = useMutation({
    mutationFn: () => markNotificationsRead(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
  const unread = newest.data?.unread ?? 0;

  // Opening the page counts as reading; the unread highlight stays until the next visit.
  useEffect(() => {
    if (unread > 0 && !markedOnce.current) {
      markedOnce.current = true;
      markRead.mutate();
    }
  }, [unread, markRead]);

  return (
    <section className="card" aria-labelledby="notifications-title">
      <title>Notifications | Rapport</title>
      <h1 id="notifications-title" className="card-title">
        Notifications
      </h1>
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

function NotificationItem({ notification }: { notification: Notification }) {
  const { actor } = notification;
  const name = actor?.name ?? 'Someone';
  const text =
    notification.type === 'webhook_disabled'
      ? 'A webhook was turned off: its deliveries failed for 3 days.'
      : notification.type === 'invitation_accepted'
        ? `${name} accepted your invitation. You're now connected.`
        : `${name} invited you to connect.`;
  const to =
    notification.type === 'webhook_disabled'
      ? '/settings/webhooks'
      : notification.type === 'invitation_received'
        ? '/mynetwork/invitation-manager/received'
        : actor
          ? `/in/${encodeURIComponent(actor.handle)}`
          : '/mynetwork';

  return (
    <li className={notification.read ? 'notification' : 'notification is-unread'}>
      {actor && <Avatar name={actor.name} handle={actor.handle} size="small" />}
      <div className="notification-text">
        <Link to={to}>{text}</Link>
        {!notification.read && <span className="visually-hidden"> (new)</span>}
        <p className="meta">
          <RelativeTime value={notification.createdAt} />
        </p>
      </div>
    </li>
  );
}
