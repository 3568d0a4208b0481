import { assertReachable, assertStillIn, memberNotFound } from '../members/member.js';
import { type Page, type PageRequest, presentPage } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import type { ServiceDeps } from '../deps.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { isBlockedEitherWay } from '../blocks/block.service.js';
import { findMemberSummaries, lockMembers } from '../members/member.service.js';
import type { MemberService } from '../members/member.service.js';
import {
  deleteFollow,
  insertFollow,
  listFollows,
  listFollowsWithWaiting,
} from './follow.repository.js';

export class FollowService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly members: MemberService,
  ) {}

  /**
   * Following needs no acceptance; it is what remains possible at R7's limit. The visibility
   * check runs under the same row locks as a block (R20), so a follow racing a block cannot
   * outlive it.
   */
  async follow(memberId: string, handle: string): Promise<void> {
    const other = await this.members.visibleMember(memberId, handle);
    if (other.id === memberId)
      throw new DomainError('validation_failed', 'You cannot follow yourself.');
    await this.deps.database.transaction(async (db) => {
      const locked = await lockMembers(db, [memberId, other.id]);
      assertStillIn(locked.get(memberId));
      assertReachable(locked.get(other.id));
      if (await isBlockedEitherWay(db, memberId, other.id)) {
        throw memberNotFound();
      }
      await insertFollow(db, memberId, other.id, this.deps.clock.now().toISOString());
    });
  }

  async unfollow(memberId: string, handle: string): Promise<void> {
    const other = await this.members.visibleMember(memberId, handle);
    await deleteFollow(this.deps.database.db, memberId, other.id);
  }

  async list(
    memberId: string,
    direction: 'following' | 'followers',
    options: PageRequest,
    withWaiting = false,
  ): Promise<Page<{ member: MemberSummary; since: string }>> {
    const db = this.deps.database.db;
    // Those a suspension holds (R32) are in the export of the suspended member (R30).
    const page = withWaiting
      ? await listFollowsWithWaiting(db, memberId, direction, options)
      : await listFollows(db, memberId, direction, options);
    const others = await findMemberSummaries(
      db,
      page.items.map((r) => r.other_id),
    );
    return presentPage(page, (r) => ({
      member: toSummary(others.get(r.other_id)),
      since: r.created_at,
    }));
  }
}

/** What other modules may use inside their own transactions (CONVENTIONS 19). */
export {
  countFollows,
  deleteFollowsBetween,
  insertMutualFollows,
  isFollowing,
} from './follow.repository.js';
