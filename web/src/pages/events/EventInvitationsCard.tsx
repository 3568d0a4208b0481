import { useState } from 'react';
import { inviteToEvent } from '../../api/endpoints.js';
import type { EventView, InvitationAllowance } from '../../api/types.js';
import { plural } from '../../lib/member.js';
import { formatDateTime } from '../../lib/time.js';
import { InviteConnectionsDialog } from '../pages/InviteConnectionsDialog.js';
import type { QuotaRefusal } from '../pages/InviteResults.js';

const count = (value: number) => value.toLocaleString('en-GB');

function allowanceLine(allowance: InvitationAllowance): string {
  return `You can send ${plural(allowance.remaining, 'more invitation')} this week. Each event can send ${count(allowance.limit)} in any 7 days.`;
}

/** Organisers only: the event's rolling weekly allowance (R22) and inviting connections. */
export function EventInvitationsCard({
  event,
  allowance,
}: {
  event: EventView;
  allowance: InvitationAllowance;
}) {
  const [inviting, setInviting] = useState(false);
  const quota: QuotaRefusal = {
    code: 'event_invitation_limit',
    describe: (retryAt) =>
      `${event.name} has sent its ${count(allowance.limit)} invitations for this week, the most an event can send in 7 days.` +
      (retryAt ? ` You can invite more from ${formatDateTime(retryAt)}.` : ''),
  };

  return (
    <section className="card" aria-labelledby="event-invite-title">
      <h2 id="event-invite-title" className="card-title">
        Invite connections
      </h2>
      <p id="event-allowance">
        {allowance.remaining === 0
          ? quota.describe(allowance.renewsAt ?? undefined)
          : allowanceLine(allowance)}
      </p>
      <div className="profile-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={allowance.remaining === 0}
          aria-describedby="event-allowance"
          onClick={() => setInviting(true)}
        >
          Invite connections
        </button>
      </div>
      {inviting && (
        <InviteConnectionsDialog
          title={`Invite connections to ${event.name}`}
          allowance={allowanceLine(allowance)}
          invite={async (handles) => (await inviteToEvent(event.id, handles)).results}
          quota={quota}
          onClose={() => setInviting(false)}
        />
      )}
    </section>
  );
}
