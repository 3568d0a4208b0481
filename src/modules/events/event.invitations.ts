import type { Tx } from '../../db/types.js';
import { attendEvent, findEvent } from './event.repository.js';

/**
 * R10, R22: accepting an event invitation makes the recipient an attendee. Returns the event,
 * which the sender's notification names.
 */
export async function onEventInvitationAccepted(
  tx: Tx,
  invitation: { target_id: string; recipient_id: string },
  at: string,
): Promise<{ id: string; name: string } | null> {
  await attendEvent(tx, invitation.target_id, invitation.recipient_id, at);
  const event = await findEvent(tx, invitation.target_id);
  return event ? { id: event.id, name: event.name } : null;
}
