import { useMutation, useQueryClient } from '@tanstack/react-query';
import { acceptInvitation, ignoreInvitation } from '../../api/endpoints.js';
import { ApiError } from '../../api/client.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import type { ReceivedInvitation } from '../../api/types.js';
import { useToasts } from '../../components/Toasts.js';
import { firstName } from '../../lib/member.js';
import { showAnswered } from './received-counts.js';

/** The answers of the server to an invitation that is no longer open to answer. */
const GONE = new Set(['invitation_not_found', 'invitation_not_open']);

function acceptedMessage(invitation: ReceivedInvitation): string {
  if (invitation.kind === 'page') return `You now follow ${invitation.target?.name ?? 'the page'}.`;
  if (invitation.kind === 'event')
    return `You're attending ${invitation.target?.name ?? 'the event'}.`;
  return `You and ${firstName(invitation.sender)} are now connected.`;
}

/**
 * Accept and ignore for one received invitation. `onAnswered` runs once the answer is in, while
 * the row is still shown; the row then leaves every loaded received list and the counts at
 * once, and the lists and counts are read again behind it.
 */
export function useInvitationAnswers(invitation: ReceivedInvitation, onAnswered: () => void) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const name = firstName(invitation.sender);
  const leave = (answer: 'accept' | 'ignore') => {
    onAnswered();
    showAnswered(queryClient, new Set([invitation.id]), [invitation], answer);
  };
  const onError = (error: unknown) => {
    // Withdrawn or answered elsewhere meanwhile, the invitation is no longer open: its row
    // leaves every list and count as an accepted one does, and the keyboard moves on with it.
    if (error instanceof ApiError && GONE.has(error.code ?? '')) leave('accept');
    toasts.show({ message: describeError(error, { name }), tone: 'error' });
  };
  const answered = (answer: 'accept' | 'ignore', message: string) => {
    leave(answer);
    toasts.show({ message });
  };
  // Not awaited: the buttons are busy only until the server answers, not until every page of
  // the lists a busy member has loaded has been read again.
  const onSettled = () => void refreshAfterChange(queryClient);

  const accept = useMutation({
    mutationFn: () => acceptInvitation(invitation.id),
    onSuccess: () => answered('accept', acceptedMessage(invitation)),
    onError,
    onSettled,
  });

  const ignore = useMutation({
    mutationFn: (reason?: 'dont_know') => ignoreInvitation(invitation.id, reason),
    onSuccess: () => answered('ignore', `Invitation from ${name} ignored.`),
    onError,
    onSettled,
  });

  return { accept, ignore, busy: accept.isPending || ignore.isPending };
}
