import { memo } from 'react';
import type { MemberSummary } from '../../api/types.js';
import { MemberLine } from '../../components/MemberLine.js';
import { RelativeTime } from '../../components/RelativeTime.js';

interface FollowRowProps {
  member: MemberSummary;
  since: string;
  /** "Following you since", "Followed". */
  sincePrefix: string;
}

/** Memoised: loading the next page of a long list leaves the rows already shown alone. */
export const FollowRow = memo(function FollowRow({ member, since, sincePrefix }: FollowRowProps) {
  return (
    <li className="invitation-row">
      <MemberLine member={member}>
        <p className="meta">
          <RelativeTime value={since} prefix={sincePrefix} />
        </p>
      </MemberLine>
    </li>
  );
});
