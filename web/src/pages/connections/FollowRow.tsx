import { memo } from 'react';
import type { MemberSummary } from '../../api/types.js';
import { DatedMemberLine } from '../../components/MemberLine.js';

interface FollowRowProps {
  member: MemberSummary;
  since: string;
  /** "Followed you", "Followed". */
  sincePrefix: string;
}

/** Memoised: loading the next page of a long list leaves the rows already shown alone. */
export const FollowRow = memo(function FollowRow({ member, since, sincePrefix }: FollowRowProps) {
  return (
    <li className="invitation-row">
      <DatedMemberLine member={member} at={since} prefix={sincePrefix} />
    </li>
  );
});
