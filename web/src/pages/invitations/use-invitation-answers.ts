import { useMutation, useQueryClient } from '@tanstack/react-query';
import { acceptInvitation, ignoreInvitation } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import type { ReceivedInvitation } from '../../api/types.js';
import { useToasts } from '../../components/Toasts.js';
import { firstName } from '../../lib/member.js';

function acceptedMessage(invitation: ReceivedInvitation): string {
  if (invitation.kind === 'page') return `You now follow ${invitation.target?.name ?? 'the page'}.`;
  if (invitation.kind === 'event')
    return `You're attending ${invitation.target?.name ?? 'the event'}.`;
  return `You and ${firstName(invitation.sender)} are now connected.`;
}

/**
 * Accept and ignore for one received invitation, with the counts refreshed afterwards.
 * `onAnswered` runs once the answer is in, while the row is still shown.
 */
export function useInvitationAnswers(invitation: ReceivedInvitation, onAnswered: () => void) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const name = firstName(invitation.sender);
  const onError = (error: unknown) =>
    toasts.show({ message: describeError(error, { name }), tone: 'error' });

  const accept = useMutation({
    mutationFn: () => acceptInvitation(invitation.id),
    onSuccess: () => {
      onAnswered();
      toasts.show({ message: acceptedMessage(invitation) });
    },
    onError,
    onSettled: () => refreshAfterChange(queryClient),
  });

  const ignore = useMutation({
    mutationFn: (reason?: 'dont_know') => ignoreInvitation(invitation.id, reason),
    onSuccess: () => {
      onAnswered();
      toasts.show({ message: `Invitation from ${name} ignored.` });
    },
    onError,
    onSettled: () => refreshAfterChange(queryClient),
  });

  return { accept, ignore, busy: accept.isPending || ignore.isPending };
}
