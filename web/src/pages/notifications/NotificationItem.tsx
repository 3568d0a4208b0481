import { memo } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markNotificationsRead } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import type { Notification } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { notificationLink, notificationText } from './notification-words.js';

/** Opening a notification reads it; the list and the badge follow once the server agrees. */
function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => markNotificationsRead([id]),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
}

/** Memoised: loading the next page of a long list leaves the rows already shown alone. */
export const NotificationItem = memo(function NotificationItem({
  notification,
}: {
  notification: Notification;
}) {
  const { actor } = notification;
  const markRead = useMarkRead();
  const unread = !notification.read;

  return (
    <li className={unread ? 'notification is-unread' : 'notification'}>
      {actor && <Avatar name={actor.name} handle={actor.handle} size="small" />}
      <div className="notification-text">
        <Link
          to={notificationLink(notification)}
          onClick={() => {
            if (unread) markRead.mutate(notification.id);
          }}
        >
          {unread && <span className="visually-hidden">Unread: </span>}
          {notificationText(notification)}
        </Link>
        <p className="meta">
          <RelativeTime value={notification.createdAt} />
        </p>
      </div>
      {unread && <span className="unread-dot" aria-hidden="true" />}
    </li>
  );
});
