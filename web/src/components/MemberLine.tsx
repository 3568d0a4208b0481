import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MemberSummary } from '../api/types.js';
import { describeMember } from '../lib/member.js';
import { Avatar } from './Avatar.js';
import { RelativeTime } from './RelativeTime.js';

interface MemberLineProps {
  member: MemberSummary;
  /** Extra lines under the headline: note, mutual count, time. */
  children?: ReactNode;
  size?: 'small' | 'medium' | 'large';
}

export function MemberLine({ member, children, size = 'medium' }: MemberLineProps) {
  const description = describeMember(member);
  return (
    <div className="member-line">
      <Avatar name={member.name} handle={member.handle} size={size} />
      <div className="member-text">
        <Link className="member-name" to={`/in/${encodeURIComponent(member.handle)}`}>
          {member.name}
        </Link>
        {description && <p className="member-headline">{description}</p>}
        {children}
      </div>
    </div>
  );
}

interface DatedMemberLineProps {
  member: MemberSummary;
  /** When the relationship began: connected, followed, blocked. */
  at: string;
  /** "Connected", "Followed", "Blocked". */
  prefix: string;
  size?: MemberLineProps['size'];
}

/** A member with when the relationship the list is about began. */
export function DatedMemberLine({ member, at, prefix, size }: DatedMemberLineProps) {
  return (
    <MemberLine member={member} size={size}>
      <p className="meta">
        <RelativeTime value={at} prefix={prefix} />
      </p>
    </MemberLine>
  );
}
