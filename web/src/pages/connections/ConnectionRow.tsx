import { memo } from 'react';
import type { MemberSummary } from '../../api/types.js';
import { Icon } from '../../components/Icons.js';
import { DatedMemberLine } from '../../components/MemberLine.js';
import { MenuButton } from '../../components/MenuButton.js';

interface ConnectionRowProps {
  member: MemberSummary;
  connectedAt: string;
  onRemove: (member: MemberSummary) => void;
}

/** Memoised: loading the next page of thousands of connections leaves the rows shown alone. */
export const ConnectionRow = memo(function ConnectionRow(props: ConnectionRowProps) {
  const { member, connectedAt, onRemove } = props;
  return (
    <li className="invitation-row" data-member={member.handle}>
      <DatedMemberLine member={member} at={connectedAt} prefix="Connected" />
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
