import type { ReceivedInvitation } from '../../api/types.js';
import { MemberLine } from '../../components/MemberLine.js';
import { MenuButton } from '../../components/MenuButton.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { Icon } from '../../components/Icons.js';
import { firstName, plural } from '../../lib/member.js';
import { useInvitationAnswers } from './use-invitation-answers.js';

function invitedTo(invitation: ReceivedInvitation): string | null {
  if (invitation.kind === 'page')
    return `Invited you to follow ${invitation.target?.name ?? 'a page'}`;
  if (invitation.kind === 'event') return `Invited you to ${invitation.target?.name ?? 'an event'}`;
  return null;
}

export function ReceivedInvitationItem({ invitation }: { invitation: ReceivedInvitation }) {
  const { accept, ignore, busy } = useInvitationAnswers(invitation);
  const name = firstName(invitation.sender);
  const context = invitedTo(invitation);

  return (
    <li className="invitation-row">
      <MemberLine member={invitation.sender}>
        {context && <p className="invitation-context">{context}</p>}
        {invitation.note && <blockquote className="invitation-note">{invitation.note}</blockquote>}
        <p className="meta">
          {invitation.mutualCount > 0 && (
            <span>{plural(invitation.mutualCount, 'mutual connection')}</span>
          )}
          <RelativeTime value={invitation.sentAt} />
        </p>
      </MemberLine>
      <div className="row-actions">
        {invitation.kind === 'connection' && (
          <MenuButton
            className="button button-quiet button-icon"
            label={`More options for the invitation from ${invitation.sender.name}`}
            items={[
              {
                label: `Ignore — I don't know ${name}`,
                onSelect: () => ignore.mutate('dont_know'),
              },
            ]}
          >
            <Icon name="more" />
          </MenuButton>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-label={`Ignore invitation from ${invitation.sender.name}`}
          onClick={() => ignore.mutate(undefined)}
        >
          Ignore
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          aria-label={`Accept invitation from ${invitation.sender.name}`}
          onClick={() => accept.mutate()}
        >
          Accept
        </button>
      </div>
    </li>
  );
}
