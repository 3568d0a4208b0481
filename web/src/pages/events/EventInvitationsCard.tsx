import { inviteToEvent } from '../../api/endpoints.js';
import type { EventView, InvitationAllowance } from '../../api/types.js';
import { plural } from '../../lib/member.js';
import { formatDateTime } from '../../lib/time.js';
import type { QuotaRefusal } from '../pages/InviteResults.js';
import { InviteConnectionsCard } from '../shared/InviteConnectionsCard.js';
import { formatCount } from '../../lib/format.js';

function allowanceLine(allowance: InvitationAllowance): string {
  return `You can send ${plural(allowance.remaining, 'more invitation')} this week. Each event can send ${formatCount(allowance.limit)} in any 7 days.`;
}

/** Organisers only: the event's rolling weekly allowance (R22) and inviting connections. */
export function EventInvitationsCard({
  event,
  allowance,
}: {
  event: EventView;
  allowance: InvitationAllowance;
}) {
  const quota: QuotaRefusal = {
    code: 'event_invitation_limit',
    describe: (retryAt) =>
      `${event.name} has sent its ${formatCount(allowance.limit)} invitations for this week, the most an event can send in 7 days.` +
      (retryAt ? ` You can invite more from ${formatDateTime(retryAt)}.` : ''),
  };
  const exhausted = allowance.remaining === 0;

  return (
    <InviteConnectionsCard
      target={{ kind: 'event', id: event.id }}
      summary={
        exhausted ? quota.describe(allowance.renewsAt ?? undefined) : allowanceLine(allowance)
      }
      allowance={allowanceLine(allowance)}
      remaining={allowance.remaining}
      dialogTitle={`Invite connections to ${event.name}`}
      invite={async (handles) => (await inviteToEvent(event.id, handles)).results}
      quota={quota}
    />
  );
}
