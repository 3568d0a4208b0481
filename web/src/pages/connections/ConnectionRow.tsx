import { memo } from 'react';
import type { MemberSummary } from '../../api/types.js';
import { Icon } from '../../components/Icons.js';
import { MemberLine } from '../../components/MemberLine.js';
import { MenuButton } from '../../components/MenuButton.js';
import { RelativeTime } from '../../components/RelativeTime.js';

interface ConnectionRowProps {
  member: MemberSummary;
  connectedAt: string;
  onRemove: (member: MemberSummary) => void;
}

/** Memoised: loading the next page of thousands of connections leaves the rows shown alone. */
export const ConnectionRow = memo(function ConnectionRow(props: ConnectionRowProps) {
  const { member, connectedAt, onRemove } = props;
  return (
    <li className="invitation-row">
      <MemberLine member={member}>
        <p className="meta">
          <RelativeTime value={connectedAt} prefix="Connected" />
        </p>
      </MemberLine>
      <div className="row-actions">
        <MenuButton
          className="button button-quiet button-icon"
          label={`More options for ${member.name}`}
          items={[{ label: 'Remove connection', onSelect: () => onRemove(member) }]}
        >
          <Icon name="more" />
        </MenuButton>
      </div>
    </li>
  );
});
