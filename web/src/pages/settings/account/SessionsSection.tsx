import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  accountKeys,
  endOtherSessions,
  endSession,
  type Session,
  useSessions,
} from '../../../api/account.js';
import { describeError } from '../../../api/problem-messages.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { ErrorNote, LoadError, Loading } from '../../../components/Status.js';
import { useToasts } from '../../../components/Toasts.js';
import { describeUserAgent } from '../../../lib/user-agent.js';

/** The browser and system a session was started from, in plain words. */
function browserName(session: Session): string {
  return describeUserAgent(session.userAgent) ?? 'Unknown browser';
}

/** R28: where the member is signed in; end one, or every other. */
export function SessionsSection() {
  const sessions = useSessions();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions });

  const endOne = useMutation({
    mutationFn: (session: Session) => endSession(session.id),
    onSuccess: () => toasts.show({ message: 'That session has ended.' }),
    onSettled: refresh,
  });
  const endOthers = useMutation({
    mutationFn: endOtherSessions,
    onSuccess: () => toasts.show({ message: 'You are signed out everywhere else.' }),
    onSettled: refresh,
  });
  const error = endOne.error ?? endOthers.error;
  const others = sessions.data?.items.filter((s) => !s.current) ?? [];

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="card-title">
        Where you're signed in
      </h2>
      {sessions.isPending ? (
        <Loading label="Loading your sessions…" />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <>
          <ul className="rows" aria-label="Sessions">
            {sessions.data.items.map((session) => (
              <li key={session.id} className="invitation-row">
                <div>
                  <p>
                    <strong>{browserName(session)}</strong>
                    {session.current && ' · this browser'}
                  </p>
                  <p className="meta">
                    <RelativeTime value={session.createdAt} prefix="Signed in" /> ·{' '}
                    <RelativeTime value={session.lastUsedAt} prefix="last used" />
                  </p>
                </div>
                {!session.current && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Sign out ${browserName(session)}`}
                      disabled={endOne.isPending}
                      onClick={() => endOne.mutate(session)}
                    >
                      Sign out
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {error && <ErrorNote>{describeError(error)}</ErrorNote>}
          {others.length > 0 && (
            <div>
              <button
                type="button"
                className="button"
                disabled={endOthers.isPending}
                onClick={() => endOthers.mutate()}
              >
                Sign out all other sessions
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
