import { Link } from 'react-router';
import { describeCode } from '../../api/problem-messages.js';
import type { CanInvite } from '../../api/types.js';
import { StaleAge } from '../invitations/StaleAge.js';

interface CannotInviteNoteProps {
  /** A `canInvite` with `ok: false`. */
  refusal: CanInvite;
  name: string;
  email: string;
  onEmailChange: (email: string) => void;
}

/** Says why Connect is not available and until when, in words. */
export function CannotInviteNote({ refusal, name, email, onEmailChange }: CannotInviteNoteProps) {
  if (refusal.code === 'email_required') {
    return (
      <div className="cannot-invite" id="cannot-invite">
        <p>
          {refusal.reason === 'sender_restricted'
            ? `For now, your invitations need the recipient's email address. To invite ${name}, enter their email.`
            : `${name} only accepts invitations from people who know their email address.`}
        </p>
        <div className="field field-inline">
          <label htmlFor="invite-email">{name}&apos;s email address</label>
          <input
            id="invite-email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => onEmailChange(event.target.value)}
          />
        </div>
      </div>
    );
  }
  return (
    <div className="cannot-invite" id="cannot-invite">
      <p>{describeCode(refusal.code ?? '', refusal.retryAt, name)}</p>
      {refusal.code === 'too_many_open_invitations' && (
        <p>
          <Link to="/mynetwork/invitation-manager/sent?review=stale">
            Review invitations older than <StaleAge />
          </Link>
        </p>
      )}
    </div>
  );
}
