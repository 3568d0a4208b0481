import { useInvitation } from '../../api/queries.js';
import { RelativeTime } from '../../components/RelativeTime.js';

/**
 * What the member sent with the invitation the viewer may answer here: when, and the note. A
 * notification of a connection invitation opens this profile, so the answer is made knowing who
 * is asking and why.
 */
export function ReceivedInvitationNote({
  invitationId,
  name,
}: {
  invitationId: string;
  name: string;
}) {
  const invitation = useInvitation(invitationId);
  if (!invitation.data) return null;
  const { note, sentAt } = invitation.data;
  return (
    <div className="profile-invitation">
      <p>
        {name} invited you to connect <RelativeTime value={sentAt} />.
      </p>
      {note && <blockquote className="invitation-note">{note}</blockquote>}
    </div>
  );
}
