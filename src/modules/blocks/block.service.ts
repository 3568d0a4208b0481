import { assertReachable, assertStillIn, memberNotFound } from '../members/member.js';
import type { RuleConfig } from '../../config.js';
import { type Page, presentPage } from '../../db/pagination.js';
import type { Db } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import { addHours } from '../../lib/time.js';
import { deleteConnection } from '../connections/connection.service.js';
import type { ServiceDeps } from '../deps.js';
import { deleteFollowsBetween } from '../follows/follow.service.js';
import type { InvitationCommands } from '../invitations/invitation.commands.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { emitWebhookEvents } from '../webhooks/webhook.emit.js';
import {
  changeConnectionCount,
  findMemberByHandle,
  findMemberSummaries,
  lockMembers,
} from '../members/member.service.js';
import {
  deleteBlock,
  deleteNotificationsBetween,
  findBlock,
  findBlockLift,
  insertBlock,
  isBlockedEitherWay,
  listBlocks,
  recordBlockLift,
} from './block.repository.js';

export interface BlockedMember {
  member: MemberSummary;
  blockedAt: string;
}

/** R20: blocking makes two members invisible to each other and undoes what was between them. */
export class BlockService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly invitations: InvitationCommands,
  ) {}

  async list(
    blockerId: string,
    options: { cursor?: string; limit: number },
  ): Promise<Page<BlockedMember>> {
    const db = this.deps.database.db;
    const page = await listBlocks(db, blockerId, options);
    const members = await findMemberSummaries(
      db,
      page.items.map((r) => r.blocked_id),
    );
    return presentPage(page, (r) => ({
      member: toSummary(members.get(r.blocked_id)),
      blockedAt: r.created_at,
    }));
  }

  /**
   * Blocks `handle` in one transaction with every effect of R20. Blocking again is a no-op.
   * A member who has blocked the caller answers like an unknown one, so a block is never revealed.
   */
  async block(blockerId: string, handle: string): Promise<void> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    await this.deps.database.transaction(async (tx) => {
      const target = await findMemberByHandle(tx, handle);
      if (!target) throw memberNotFound();
      if (target.id === blockerId)
        throw new DomainError('validation_failed', 'You cannot block yourself.');
      // Locks serialise the block with sends and accepts between the two (they lock the same rows).
      const locked = await lockMembers(tx, [blockerId, target.id]);
      assertStillIn(locked.get(blockerId));
      assertReachable(locked.get(target.id));
      if (await findBlock(tx, blockerId, target.id)) return;
      if (await isBlockedEitherWay(tx, blockerId, target.id)) throw memberNotFound();
      const retryAt = await reblockLockEnd(tx, blockerId, target.id, this.deps.rules, now);
      if (retryAt) {
        throw new DomainError(
          'reblock_locked',
          `You unblocked ${target.name} recently; you can block them again from ${retryAt.toISOString()}.`,
          { retryAt },
        );
      }
      await insertBlock(tx, { blocker_id: blockerId, blocked_id: target.id, created_at: at });
      if (await deleteConnection(tx, blockerId, target.id)) {
        await changeConnectionCount(tx, [blockerId, target.id], -1);
        await emitWebhookEvents(
          tx,
          [{ type: 'connection.removed', memberId: blockerId, peerId: target.id }],
          now,
        );
      }
      await deleteFollowsBetween(tx, blockerId, target.id);
      await deleteNotificationsBetween(tx, blockerId, target.id);
      await this.invitations.closeForBlock(tx, locked.get(blockerId), target.id);
    });
  }

  /** Lifts a block; only the blocker can, and the lift starts the re-block lock. */
  async unblock(blockerId: string, handle: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.database.transaction(async (tx) => {
      const target = await findMemberByHandle(tx, handle);
      // The same answer for an unknown member and one not blocked: nothing to tell either way.
      if (!target || !(await deleteBlock(tx, blockerId, target.id))) {
        throw new DomainError('not_found', 'You have not blocked that member.');
      }
      await recordBlockLift(tx, blockerId, target.id, at);
    });
  }
}

/**
 * R20: when `blockerId`, having lifted their block on `blockedId`, may block them again; null
 * when they may now.
 */
export async function reblockLockEnd(
  db: Db,
  blockerId: string,
  blockedId: string,
  rules: Pick<RuleConfig, 'reblockLockHours'>,
  now: Date,
): Promise<Date | null> {
  const liftedAt = await findBlockLift(db, blockerId, blockedId);
  const end = liftedAt && addHours(new Date(liftedAt), rules.reblockLockHours);
  return end && end > now ? end : null;
}

/** What other modules may use inside their own transactions (CONVENTIONS 19). */
export { isBlockedEitherWay } from './block.repository.js';
