import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import * as endpoints from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { keys, refreshAfterChange } from '../../api/queries.js';
import type { Profile } from '../../api/types.js';
import { useToasts } from '../../components/Toasts.js';
import { firstName } from '../../lib/member.js';

/**
 * Everything a member can do from someone's profile, each followed by a refresh of the counts.
 * `onAnswered` runs once an accept or ignore is in, while its buttons are still shown.
 */
export function useProfileActions(profile: Profile, onAnswered: () => void) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const navigate = useNavigate();
  const name = firstName(profile);
  const { handle, invitationId } = profile;

  function action<T>(run: () => Promise<T>, success: string, after?: () => void) {
    return {
      mutationFn: run,
      onSuccess: () => {
        toasts.show({ message: success });
        after?.();
      },
      onError: (error: unknown) =>
        toasts.show({ message: describeError(error, { name }), tone: 'error' }),
      onSettled: () => refreshAfterChange(queryClient),
    };
  }

  const needInvitation = () => {
    if (!invitationId) throw new Error('No open invitation');
    return invitationId;
  };

  return {
    accept: useMutation(
      action(
        () => endpoints.acceptInvitation(needInvitation()),
        `You and ${name} are now connected.`,
        onAnswered,
      ),
    ),
    ignore: useMutation(
      action(
        () => endpoints.ignoreInvitation(needInvitation()),
        `Invitation from ${name} ignored.`,
        onAnswered,
      ),
    ),
    removeConnection: useMutation(
      action(
        () => endpoints.removeConnection(handle),
        `${name} was removed from your connections.`,
      ),
    ),
    follow: useMutation(action(() => endpoints.follow(handle), `You now follow ${name}.`)),
    unfollow: useMutation(
      action(() => endpoints.unfollow(handle), `You no longer follow ${name}.`),
    ),
    block: useMutation({
      ...action(
        () => endpoints.block(handle),
        `You blocked ${name}. You can unblock them in Settings.`,
        () => void navigate('/mynetwork'),
      ),
      // The block hides this member, so their profile, still shown until My Network has loaded,
      // would only answer 404 now.
      onSettled: () => refreshAfterChange(queryClient, keys.profile(handle)),
    }),
  };
}
