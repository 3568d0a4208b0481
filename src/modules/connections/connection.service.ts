import { decodeCursor, type Page, toPage } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import type { ServiceDeps } from '../deps.js';
import { deleteFollowsBetween } from '../follows/follow.repository.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import {
  changeConnectionCount,
  findMembersByIds,
  lockMembers,
  type MemberRow,
} from '../members/member.repository.js';
import type { MemberService } from '../members/member.service.js';
import { emitWebhookEvent } from '../webhooks/webhook.emit.js';
import { deleteConnection, listConnections } from './connection.repository.js';

export class ConnectionService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly members: MemberService,
  ) {}

  async list(
    memberId: string,
    options: { q: string; cursor?: string; limit: number },
  ): Promise<Page<{ member: MemberSummary; connectedAt: string }>> {
    const db = this.deps.database.db;
    const rows = await listConnections(db, memberId, {
      q: options.q,
      after: decodeCursor(options.cursor),
      limit: options.limit,
    });
    const peers = await findMembersByIds(
      db,
      rows.map((r) => r.peer_id),
    );
    return toPage(
      rows,
      options.limit,
      (r) => ({ key: r.created_at, id: r.peer_id }),
      (r) => ({ member: toSummary(peers.get(r.peer_id) as MemberRow), connectedAt: r.created_at }),
    );
  }

  /** R19: either side may remove; the other is not told; the follows between them end too. */
  async remove(memberId: string, handle: string): Promise<void> {
    const other = await this.members.visibleMember(memberId, handle);
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (db) => {
      await lockMembers(db, [memberId, other.id]);
      if (!(await deleteConnection(db, memberId, other.id))) {
        throw new DomainError('connection_not_found', `You are not connected with ${other.name}.`);
      }
      await changeConnectionCount(db, [memberId, other.id], -1);
      await deleteFollowsBetween(db, memberId, other.id);
      await emitWebhookEvent(db, { type: 'connection.removed', memberId, peerId: other.id }, now);
    });
  }
}
