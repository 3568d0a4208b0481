import { memo } from 'react';
import type { MemberSearchResult } from '../../api/types.js';
import { MemberLine } from '../../components/MemberLine.js';
import { degreeLabel, plural } from '../../lib/member.js';

/** Memoised: loading the next page of thousands of results leaves the rows shown alone. */
export const PersonRow = memo(function PersonRow({ member }: { member: MemberSearchResult }) {
  return (
    <li className="invitation-row">
      <MemberLine member={member}>
        <p className="meta">
          {degreeLabel(member.degree) && <span>{degreeLabel(member.degree)}</span>}
          {member.mutualCount > 0 && <span>{plural(member.mutualCount, 'mutual connection')}</span>}
        </p>
      </MemberLine>
    </li>
  );
});
