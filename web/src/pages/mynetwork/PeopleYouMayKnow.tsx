import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSuggestions } from '../../api/queries.js';
import type { MemberSummary } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { focusIfLost } from '../../components/focus-if-lost.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { describeMember, plural } from '../../lib/member.js';
import { ConnectDialog } from '../profile/ConnectDialog.js';
import { useWeeklyQuotaSpent, WeeklyQuotaNote } from '../shared/WeeklyQuotaNote.js';

export function PeopleYouMayKnow() {
  const suggestions = useSuggestions();
  const quotaSpent = useWeeklyQuotaSpent();
  const [inviting, setInviting] = useState<MemberSummary | null>(null);
  const grid = useRef<HTMLUListElement>(null);
  // Where the last Connect pressed was: once invited, that member's card leaves the suggestions
  // with the button the dialog gave the focus back to, and the keyboard goes on from the card
  // that takes its place.
  const pressed = useRef<number | null>(null);
  useEffect(() => {
    const buttons = grid.current?.querySelectorAll('button');
    if (pressed.current === null || !buttons?.length) return;
    focusIfLost(buttons[Math.min(pressed.current, buttons.length - 1)] ?? null);
  }, [suggestions.data]);

  return (
    <section className="card" aria-labelledby="pymk-title">
      <div className="card-header">
        <h2 id="pymk-title" className="card-title" tabIndex={-1}>
          People you may know
        </h2>
        <WeeklyQuotaNote id="pymk-quota" />
      </div>
      {suggestions.isPending ? (
        <Loading label="Finding people you may know…" />
      ) : suggestions.isError ? (
        <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : suggestions.data.items.length === 0 ? (
        <EmptyState title="No suggestions yet">
          <p>
            Suggestions come from your connections&apos; connections. Search for people you know to
            get started.
          </p>
        </EmptyState>
      ) : (
        <ul className="suggestion-grid" ref={grid}>
          {suggestions.data.items.map(({ member, mutualCount }, index) => (
            <li key={member.handle} className="suggestion">
              <Avatar name={member.name} handle={member.handle} size="large" />
              <Link to={`/in/${encodeURIComponent(member.handle)}`} className="member-name">
                {member.name}
              </Link>
              <p className="member-headline">{describeMember(member)}</p>
              <p className="meta">{plural(mutualCount, 'mutual connection')}</p>
              <button
                type="button"
                className="button button-outline"
                aria-label={`Connect with ${member.name}`}
                disabled={quotaSpent}
                aria-describedby={quotaSpent ? 'pymk-quota' : undefined}
                onClick={() => {
                  pressed.current = index;
                  setInviting(member);
                }}
              >
                Connect
              </button>
            </li>
          ))}
        </ul>
      )}
      {inviting && <ConnectDialog member={inviting} open onClose={() => setInviting(null)} />}
    </section>
  );
}
