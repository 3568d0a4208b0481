import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setFollowingPage } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { keys, refreshAfterChange } from '../../api/queries.js';
import type { PageView } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { useToasts } from '../../components/Toasts.js';

export function FollowPageButton({ page }: { page: PageView }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const change = useMutation({
    mutationFn: (following: boolean) => setFollowingPage(page.id, following),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.page(page.id), updated);
      toasts.show({
        message: updated.following
          ? `You now follow ${page.name}.`
          : `You no longer follow ${page.name}.`,
      });
    },
    onError: (error) => toasts.show({ message: describeError(error), tone: 'error' }),
    onSettled: () => refreshAfterChange(queryClient),
  });

  return (
    <BusyButton
      className={page.following ? 'button' : 'button button-primary'}
      busy={change.isPending}
      onClick={() => change.mutate(!page.following)}
    >
      {page.following ? 'Unfollow' : 'Follow'}
    </BusyButton>
  );
}
