import { memberNotFound } from '../members/member.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, toPage } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import { addHours } from '../../lib/time.js';
import { deleteConnection } from '../connections/connection.repository.js';
import type { ServiceDeps } from '../deps.js';
import { deleteFollowsBetween } from '../follows/follow.repository.js';
import { TRANSITION_FROM } from '../invitations/invitation.js';
import { eraseFromRecipient } from '../invitations/invitation.effects.js';
import { findSenderOpenBetween, transition } from '../invitations/invitation.repository.js';
import type { InvitationService } from '../invitations/invitation.service.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { emitWebhookEvent } from '../webhooks/webhook.emit.js';
import {
  changeConnectionCount,
  findMemberByHandle,
  findMembersByIds,
  lockMembers,
  type MemberRow,
} from '../members/member.repository.js';
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
    private readonly invitations: InvitationService,
  ) {}

  async list(
    blockerId: string,
    options: { cursor?: string; limit: number },
  ): Promise<Page<BlockedMember>> {
    const db = this.deps.database.db;
    const rows = await listBlocks(db, blockerId, decodeCursor(options.cursor), options.limit);
    const members = await findMembersByIds(
      db,
      rows.map((r) => r.blocked_id),
    );
    return toPage(
      rows,
      options.limit,
      (r) => ({ key: r.created_at, id: r.blocked_id }),
      (r) => ({
        member: toSummary(members.get(r.blocked_id) as MemberRow),
        blockedAt: r.created_at,
      }),
    );
  }

  /**
   * Blocks `handle` in one transaction with every effect of R20. Blocking again is a no-op.
   * A member who has blocked the caller answers like an unknown one, so a block is never revealed.
   */
  async block(blockerId: string, handle: string): Promise<void> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    await this.deps.database.transaction(async (db) => {
      const target = await findMemberByHandle(db, handle);
      if (!target) throw memberNotFound();
      if (target.id === blockerId)
        throw new DomainError('validation_failed', 'You cannot block yourself.');
      // Locks serialise the block with sends and accepts between the two (they lock the same rows).
      await lockMembers(db, [blockerId, target.id]);
      if (await findBlock(db, blockerId, target.id)) return;
      if (await isBlockedEitherWay(db, blockerId, target.id)) throw memberNotFound();
      const liftedAt = await findBlockLift(db, blockerId, target.id);
      if (liftedAt) {
        const retryAt = addHours(new Date(liftedAt), this.deps.rules.reblockLockHours);
        if (retryAt > now) {
          throw new DomainError(
            'reblock_locked',
            `You unblocked ${target.name} recently; you can block them again from ${retryAt.toISOString()}.`,
            { retryAt },
          );
        }
      }
      await insertBlock(db, { blocker_id: blockerId, blocked_id: target.id, created_at: at });
      if (await deleteConnection(db, blockerId, target.id)) {
        await changeConnectionCount(db, [blockerId, target.id], -1);
        await emitWebhookEvent(
          db,
          { type: 'connection.removed', memberId: blockerId, peerId: target.id },
          now,
        );
      }
      await deleteFollowsBetween(db, blockerId, target.id);
      await deleteNotificationsBetween(db, blockerId, target.id);
      await this.closeInvitations(db, blockerId, target.id, now);
    });
  }

  /** Lifts a block; only the blocker can, and the lift starts the re-block lock. */
  async unblock(blockerId: string, handle: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.database.transaction(async (db) => {
      const target = await findMemberByHandle(db, handle);
      // The same answer for an unknown member and one not blocked: nothing to tell either way.
      if (!target || !(await deleteBlock(db, blockerId, target.id))) {
        throw new DomainError('not_found', 'You have not blocked that member.');
      }
      await recordBlockLift(db, blockerId, target.id, at);
    });
  }

  /**
   * The blocker's invitations to the blocked member are withdrawn without a cooldown; the blocked
   * member's invitations become `blocked`: gone for the blocker for good, still pending to their sender.
   */
  private async closeInvitations(
    db: Db,
    blockerId: string,
    blockedId: string,
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    const open = await findSenderOpenBetween(db, blockerId, blockedId);
    const toBlock: string[] = [];
    for (const row of open) {
      if (row.sender_id === blockerId) {
        await this.invitations.withdrawInTransaction(db, row, 'block', now);
      } else if (
        TRANSITION_FROM.block.includes(row.status) &&
        (await transition(db, row.id, TRANSITION_FROM.block, {
          status: 'blocked',
          updated_at: at,
          remind_at: null,
        }))
      ) {
        toBlock.push(row.id);
      }
    }
    await eraseFromRecipient(db, toBlock, now);
  }
}
