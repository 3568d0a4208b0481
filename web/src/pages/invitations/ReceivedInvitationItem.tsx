import { memo, useRef } from 'react';
import type { ReceivedInvitation } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { focusNextRow } from '../../components/focus-next-row.js';
import { MemberLine } from '../../components/MemberLine.js';
import { MenuButton } from '../../components/MenuButton.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { Icon } from '../../components/Icons.js';
import { firstName, plural } from '../../lib/member.js';
import { invitedToLine } from './invitation-words.js';
import { useInvitationAnswers } from './use-invitation-answers.js';

/**
 * The name a screen reader gives the Accept and Ignore buttons. Heard away from the row, a page
 * or event invitation must say what it is to, not only who sent it.
 */
function answerLabel(answer: 'Accept' | 'Ignore', invitation: ReceivedInvitation): string {
  const sender = invitation.sender.name;
  const target = invitation.target?.name;
  if (invitation.kind === 'page')
    return `${answer} ${sender}'s invitation to follow ${target ? `the page ${target}` : 'a page'}`;
  if (invitation.kind === 'event')
    return `${answer} ${sender}'s invitation to ${target ? `the event ${target}` : 'an event'}`;
  return `${answer} invitation from ${sender}`;
}

/** Once a row is answered, the keyboard goes on to a neighbour's Accept, else to the panel. */
function focusAfterAnswer(row: HTMLLIElement | null) {
  focusNextRow(row, 'button[aria-label^="Accept"]', row?.closest<HTMLElement>('[tabindex="-1"]'));
}

interface ReceivedInvitationItemProps {
  invitation: ReceivedInvitation;
  /** With a checkbox, for answering several at once (R39). */
  onToggleSelected?: (id: string) => void;
  selected?: boolean;
}

/** Memoised: loading the next page of a long list leaves the rows already shown alone. */
export const ReceivedInvitationItem = memo(function ReceivedInvitationItem({
  invitation,
  onToggleSelected,
  selected = false,
}: ReceivedInvitationItemProps) {
  const row = useRef<HTMLLIElement>(null);
  const { accept, ignore, busy } = useInvitationAnswers(invitation, () =>
    focusAfterAnswer(row.current),
  );
  const name = firstName(invitation.sender);
  const context = invitedToLine(invitation.kind, invitation.target, true);
  // R38: an ignored invitation stays open, so it can still be accepted, not ignored again.
  const ignored = invitation.status === 'ignored';

  return (
    <li ref={row} className={selected ? 'invitation-row is-selected' : 'invitation-row'}>
      {onToggleSelected && (
        <input
          type="checkbox"
          className="row-check"
          checked={selected}
          onChange={() => onToggleSelected(invitation.id)}
          aria-label={`Select invitation from ${invitation.sender.name}`}
        />
      )}
      <MemberLine member={invitation.sender}>
        {context && <p className="invitation-context">{context}</p>}
        {invitation.note && <blockquote className="invitation-note">{invitation.note}</blockquote>}
        <p className="meta">
          {invitation.mutualCount > 0 && (
            <span>{plural(invitation.mutualCount, 'mutual connection')}</span>
          )}
          <RelativeTime value={invitation.sentAt} />
          {ignored && <span className="kept-label">Ignored</span>}
        </p>
      </MemberLine>
      <div className="row-actions">
        {invitation.kind === 'connection' && !ignored && (
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
        {!ignored && (
          <BusyButton
            className="button"
            busy={busy}
            aria-label={answerLabel('Ignore', invitation)}
            onClick={() => ignore.mutate(undefined)}
          >
            Ignore
          </BusyButton>
        )}
        <BusyButton
          className="button button-primary"
          busy={busy}
          aria-label={answerLabel('Accept', invitation)}
          onClick={() => accept.mutate()}
        >
          Accept
        </BusyButton>
      </div>
    </li>
  );
});
