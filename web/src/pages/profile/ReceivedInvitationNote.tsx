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
  ignored,
}: {
  invitationId: string;
  name: string;
  /** R38: ignored, yet still open to accept. */
  ignored: boolean;
}) {
  const invitation = useInvitation(invitationId);
  if (!invitation.data) return null;
  const { note, sentAt } = invitation.data;
  return (
    <div className="profile-invitation">
      <p>
        {name} invited you to connect <RelativeTime value={sentAt} />.
        {ignored && ' You ignored it; you can still accept it.'}
      </p>
      {note && <blockquote className="invitation-note">{note}</blockquote>}
    </div>
  );
}
