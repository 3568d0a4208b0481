import { type MouseEvent, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import { useMe, useSentCount } from '../../api/queries.js';
import { focusIfLost } from '../../components/focus-if-lost.js';
import { plural } from '../../lib/member.js';
import { DAY_MS } from '../../lib/time.js';
import { StaleAge } from '../invitations/StaleAge.js';

const SNOOZE_DAYS = 7;

/** Each member's own "Not now": another member signing in on the browser is still nudged. */
function snoozeKey(memberId: string): string {
  return `rapport.staleNudgeSnoozedUntil.${memberId}`;
}

function isSnoozed(memberId: string): boolean {
  return Number(localStorage.getItem(snoozeKey(memberId)) ?? 0) > Date.now();
}

export function StaleInvitationsNudge() {
  // The frame shows no page before it knows who is signed in.
  const memberId = useMe().data?.id ?? '';
  const { data } = useSentCount();
  const [snoozed, setSnoozed] = useState(() => isSnoozed(memberId));
  const stale = data?.stale ?? 0;
  if (stale === 0 || snoozed) return null;

  function notNow(event: MouseEvent<HTMLButtonElement>) {
    // The nudge leaves with the button that had the keyboard, which goes on to the focusable
    // heading of what came after it (or the page's main region) rather than to the top of the page.
    const section = event.currentTarget.closest('section');
    const next =
      section?.nextElementSibling?.querySelector<HTMLElement>('h2[tabindex]') ??
      document.getElementById('main');
    localStorage.setItem(snoozeKey(memberId), String(Date.now() + SNOOZE_DAYS * DAY_MS));
    flushSync(() => setSnoozed(true));
    focusIfLost(next);
  }

  return (
    <section className="card nudge" aria-labelledby="nudge-title">
      <div>
        <h2 id="nudge-title" className="nudge-title">
          You have {plural(stale, 'invitation')} waiting more than <StaleAge />
        </h2>
        <p className="muted">
          Old invitations rarely get answered. Withdrawing them keeps your list tidy.
        </p>
      </div>
      <div className="nudge-actions">
        <button type="button" className="button" onClick={notNow}>
          Not now
        </button>
        <Link
          to="/mynetwork/invitation-manager/sent?review=stale"
          className="button button-primary"
        >
          Review and withdraw
        </Link>
      </div>
    </section>
  );
}
