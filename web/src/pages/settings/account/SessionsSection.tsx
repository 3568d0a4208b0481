import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  accountKeys,
  endOtherSessions,
  endSession,
  type Session,
  useSessions,
} from '../../../api/account.js';
import { describeError } from '../../../api/problem-messages.js';
import { BusyButton } from '../../../components/BusyButton.js';
import { focusNextRow, rowWith } from '../../../components/focus-next-row.js';
import { InfiniteList } from '../../../components/InfiniteList.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { ErrorNote, LoadError, Loading } from '../../../components/Status.js';
import { useToasts } from '../../../components/Toasts.js';
import { describeUserAgent } from '../../../lib/user-agent.js';
import { formatDateTime } from '../../../lib/time.js';

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
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = useRef<HTMLUListElement>(null);
  const endOthersButton = useRef<HTMLButtonElement>(null);

  const endOne = useMutation({
    mutationFn: (session: Session) => endSession(session.id),
    onSuccess: (_result, session) => {
      // The ended session's row goes away with its button: the keyboard moves on to another's.
      const row = rowWith(rows.current, 'session', session.id);
      focusNextRow(row, 'button', heading.current);
      toasts.show({ message: 'That session has ended.' });
    },
    onSettled: refresh,
  });
  const endOthers = useMutation({
    mutationFn: endOtherSessions,
    onSuccess: () => {
      // The button goes away with the other sessions; the keyboard stays on this section.
      if (document.activeElement === endOthersButton.current) heading.current?.focus();
      toasts.show({ message: 'You are signed out everywhere else.' });
    },
    onSettled: refresh,
  });
  const error = endOne.error ?? endOthers.error;
  // Sessions on pages not loaded yet are others too: the current one is only ever one row.
  const hasOthers = sessions.items.some((s) => !s.current) || sessions.query.hasNextPage;

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="card-title" ref={heading} tabIndex={-1}>
        Where you're signed in
      </h2>
      {sessions.query.isPending ? (
        <Loading label="Loading your sessions…" />
      ) : sessions.query.isError ? (
        <LoadError error={sessions.query.error} onRetry={() => void sessions.query.refetch()} />
      ) : (
        <>
          <InfiniteList list={sessions} noun={['session', 'sessions']}>
            <ul className="rows" aria-label="Sessions" ref={rows}>
              {sessions.items.map((session) => (
                <li key={session.id} className="invitation-row" data-session={session.id}>
                  <div>
                    <p>
                      <strong>{browserName(session)}</strong>
                      {session.current && ' · this browser'}
                    </p>
                    <p className="meta">
                      <RelativeTime value={session.createdAt} prefix="Signed in" />{' '}
                      <RelativeTime value={session.lastUsedAt} prefix="last used" />
                    </p>
                  </div>
                  {!session.current && (
                    <div className="row-actions">
                      <BusyButton
                        className="button"
                        // Many sessions share a browser's name; when each began tells them apart.
                        aria-label={`Sign out ${browserName(session)}, signed in ${formatDateTime(session.createdAt)}`}
                        busy={endOne.isPending}
                        onClick={() => endOne.mutate(session)}
                      >
                        Sign out
                      </BusyButton>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </InfiniteList>
          {error && <ErrorNote>{describeError(error)}</ErrorNote>}
          {hasOthers && (
            <div>
              <BusyButton
                className="button"
                ref={endOthersButton}
                busy={endOthers.isPending}
                onClick={() => endOthers.mutate()}
              >
                Sign out all other sessions
              </BusyButton>
            </div>
          )}
        </>
      )}
    </section>
  );
}
