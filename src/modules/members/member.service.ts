import { accountGone, memberNotFound } from './member.js';
import {
  type Page,
  type PageRequest,
  presentPage,
  type SearchRequest,
} from '../../db/pagination.js';
import type { Db } from '../../db/types.js';
import { memberTexts, PROFILE_TEXT } from '../../lib/text.js';
import { isBlockedEitherWay, reblockLockEnd } from '../blocks/block.service.js';
import { connectedAmong, mutualCounts, secondDegree } from '../connections/connection.service.js';
import type { ServiceDeps } from '../deps.js';
import { countUpcomingEventsOf } from '../events/event.service.js';
import { countFollows, isFollowing } from '../follows/follow.service.js';
import {
  type CanInvite,
  type InvitationQueries,
  loadInviteFacts,
  unsuggestableTo,
} from '../invitations/invitation.queries.js';
import { senderOpenFrom } from '../invitations/invitation.facts.js';
import { resendAvailableAt } from '../invitations/invitation.js';
import { countPagesOf } from '../pages/page.service.js';
import { type MemberSummary, toSummary } from './member.presenter.js';
import {
  findMemberByHandle,
  findMemberById,
  findMemberSummaries,
  type MemberRow,
  searchMembers,
  searchTextOf,
  updateMember,
} from './member.repository.js';

type Relationship = 'connected' | 'invitation_sent' | 'invitation_received' | 'none';

export interface Profile extends MemberSummary {
  connectionCount: number;
  followerCount: number;
  isSelf: boolean;
  relationship: Relationship;
  invitationId: string | null;
  /** With a received invitation: the viewer ignored it, and may still accept it (R38). */
  invitationIgnored: boolean;
  /** With a sent invitation: when a resend would be allowed if it were withdrawn now (R14). */
  resendAvailableAt: string | null;
  /** R20: when the viewer may block this member again after lifting a block; null when now. */
  blockAvailableAt: string | null;
  mutualCount: number;
  /** 1st, 2nd, or 3 for third degree and beyond. */
  degree: 1 | 2 | 3;
  following: boolean;
  canInvite: CanInvite;
}

export interface Me extends MemberSummary {
  id: string;
  email: string;
  emailVerified: boolean;
  role: MemberRow['role'];
  createdAt: string;
  counts: {
    connections: number;
    followers: number;
    following: number;
    received: number;
    sent: number;
    pages: number;
    upcomingEvents: number;
  };
}

export interface ProfileChanges {
  name?: string;
  headline?: string;
  company?: string;
  industry?: string;
  location?: string;
}

export class MemberService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly invitations: InvitationQueries,
  ) {}

  async requireMember(id: string): Promise<MemberRow> {
    const member = await findMemberById(this.deps.database.db, id);
    if (!member) throw accountGone();
    return member;
  }

  /** A member the viewer may see: unknown and blocked (either way) look the same (R2, R20). */
  async visibleMember(viewerId: string, handle: string): Promise<MemberRow> {
    const db = this.deps.database.db;
    const member = await findMemberByHandle(db, handle);
    if (
      !member ||
      (member.id !== viewerId && (await isBlockedEitherWay(db, viewerId, member.id)))
    ) {
      throw memberNotFound();
    }
    return member;
  }

  async me(memberId: string): Promise<Me> {
    const db = this.deps.database.db;
    const member = await this.requireMember(memberId);
    const [followers, following, received, sent, pages, upcomingEvents] = await Promise.all([
      countFollows(db, memberId, 'followers'),
      countFollows(db, memberId, 'following'),
      this.invitations.countReceived(memberId),
      this.invitations.countSent(memberId),
      countPagesOf(db, memberId),
      countUpcomingEventsOf(db, memberId, this.deps.clock.now()),
    ]);
    return {
      ...toSummary(member),
      id: member.id,
      email: member.email,
      emailVerified: member.email_verified_at !== null,
      role: member.role,
      createdAt: member.created_at,
      counts: {
        connections: member.connection_count,
        followers,
        following,
        received: received.total,
        sent: sent.total,
        pages,
        upcomingEvents,
      },
    };
  }

  async updateProfile(memberId: string, changes: ProfileChanges): Promise<void> {
    const write = await this.profileChange(memberId, changes);
    await write(this.deps.database.db);
  }

  /**
   * The write of a profile change, its texts checked before anything is written (`400
   * invalid_text`): a request that also changes the email runs it in that change's transaction,
   * so that neither part is kept when the other is refused.
   */
  async profileChange(
    memberId: string,
    changes: ProfileChanges,
  ): Promise<(db: Db) => Promise<void>> {
    const member = await this.requireMember(memberId);
    const checked = memberTexts(changes, PROFILE_TEXT);
    const trimmed: ProfileChanges = {};
    for (const key of PROFILE_TEXT) {
      const value = checked[key];
      if (value !== undefined) trimmed[key] = value.trim();
    }
    const next = { ...member, ...trimmed };
    const updatedAt = this.deps.clock.now().toISOString();
    return (db) =>
      updateMember(db, memberId, {
        ...trimmed,
        search_text: searchTextOf(next),
        updated_at: updatedAt,
      });
  }

  async profile(viewerId: string, handle: string): Promise<Profile> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const [viewer, member] = await Promise.all([
      this.requireMember(viewerId),
      findMemberByHandle(db, handle),
    ]);
    if (!member) throw memberNotFound();
    const isSelf = viewer.id === member.id;
    const facts = await loadInviteFacts(db, viewer, member.id, now, this.deps.rules);
    // The facts carry the block, so the profile does not ask visibleMember to read it again.
    if (!isSelf && facts.blocked) throw memberNotFound();
    const [mutual, following, followers, reblockAt] = await Promise.all([
      mutualCounts(db, viewer.id, [member.id]),
      isFollowing(db, viewer.id, member.id),
      countFollows(db, member.id, 'followers'),
      isSelf ? null : reblockLockEnd(db, viewer.id, member.id, this.deps.rules, now),
    ]);
    const connected = facts.connected;
    const sent = senderOpenFrom(facts, viewer.id, now);
    const received = senderOpenFrom(facts, member.id, now);
    const canInvite = this.invitations.canInvite(viewer, member, facts);
    const mutualCount = isSelf ? 0 : (mutual.get(member.id) ?? 0);
    let relationship: Relationship = 'none';
    let invitationId: string | null = null;
    if (connected) relationship = 'connected';
    else if (sent) {
      relationship = 'invitation_sent';
      invitationId = sent.id;
    } else if (received?.status === 'pending' || received?.status === 'ignored') {
      // R38: an ignored invitation is out of the recipient's lists but still theirs to accept.
      relationship = 'invitation_received';
      invitationId = received.id;
    }
    return {
      ...toSummary(member),
      connectionCount: member.connection_count,
      followerCount: followers,
      isSelf,
      relationship,
      invitationId,
      invitationIgnored: relationship === 'invitation_received' && received?.status === 'ignored',
      resendAvailableAt:
        relationship === 'invitation_sent'
          ? resendAvailableAt(now, this.deps.rules.resendCooldownDays).toISOString()
          : null,
      blockAvailableAt: reblockAt?.toISOString() ?? null,
      mutualCount,
      degree: connected || isSelf ? 1 : mutualCount > 0 ? 2 : 3,
      following,
      canInvite,
    };
  }

  async search(
    viewerId: string,
    options: SearchRequest,
  ): Promise<Page<MemberSummary & { mutualCount: number; degree: 1 | 2 | 3 }>> {
    const db = this.deps.database.db;
    const page = await searchMembers(
      db,
      { q: options.q, viewerId },
      { cursor: options.cursor, limit: options.limit },
    );
    const ids = page.items.map((r) => r.id);
    const [mutual, connected] = await Promise.all([
      mutualCounts(db, viewerId, ids),
      connectedAmong(db, viewerId, ids),
    ]);
    return presentPage(page, (r) => {
      const mutualCount = mutual.get(r.id) ?? 0;
      return {
        ...toSummary(r),
        mutualCount,
        degree: connected.has(r.id) ? 1 : mutualCount > 0 ? 2 : 3,
      };
    });
  }

  /**
   * People you may know: second-degree members by mutual connections, without anyone connected,
   * invited either way, blocked either way, or in a resend cooldown (R40: a page at a time).
   * Those left out are left out by the page's statement, so every page but the last is full.
   */
  async suggestions(
    viewerId: string,
    page: PageRequest,
  ): Promise<Page<{ member: MemberSummary; mutualCount: number }>> {
    const db = this.deps.database.db;
    const refused = unsuggestableTo(db, viewerId, this.deps.clock.now(), this.deps.rules);
    const found = await secondDegree(db, viewerId, page, refused);
    const members = await findMemberSummaries(
      db,
      found.items.map((k) => k.id),
    );
    return presentPage(found, (k) => ({
      member: toSummary(members.get(k.id)),
      mutualCount: k.mutual,
    }));
  }
}

/** What other modules may use inside their own transactions (CONVENTIONS 19). */
export {
  anyMemberWithHandle,
  changeConnectionCount,
  emailExists,
  findMemberByEmail,
  findMemberByHandle,
  findMemberById,
  findMemberPair,
  findMembersByIds,
  findMemberSummaries,
  handleExists,
  insertMember,
  lockMemberAndHandleStep,
  lockMembers,
  releaseNamesOfLeft,
  updateMember,
} from './member.repository.js';
