import { type Page, presentPage, type SearchRequest } from '../../db/pagination.js';
import type { Db } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import type { ServiceDeps } from '../deps.js';
import { deleteFollowsBetween } from '../follows/follow.service.js';
import type { MemberRow } from '../members/member.repository.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { changeConnectionCount, findMembersByIds, lockMembers } from '../members/member.service.js';
import type { MemberService } from '../members/member.service.js';
import { emitWebhookEvents } from '../webhooks/webhook.emit.js';
import {
  deleteConnection,
  listConnections,
  listConnectionsWithWaiting,
} from './connection.repository.js';

export class ConnectionService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly members: MemberService,
  ) {}

  async list(
    memberId: string,
    options: SearchRequest,
    withWaiting = false,
  ): Promise<Page<{ member: MemberSummary; connectedAt: string }>> {
    const page = await connectionRows(this.deps.database.db, memberId, options, withWaiting);
    return presentPage(page, (r) => ({ member: toSummary(r.peer), connectedAt: r.connectedAt }));
  }

  /** R19: either side may remove; the other is not told; the follows between them end too. */
  async remove(memberId: string, handle: string): Promise<void> {
    const other = await this.members.visibleMember(memberId, handle);
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (tx) => {
      await lockMembers(tx, [memberId, other.id]);
      if (!(await deleteConnection(tx, memberId, other.id))) {
        throw new DomainError('connection_not_found', `You are not connected with ${other.name}.`);
      }
      await changeConnectionCount(tx, [memberId, other.id], -1);
      await deleteFollowsBetween(tx, memberId, other.id);
      await emitWebhookEvents(
        tx,
        [{ type: 'connection.removed', memberId, peerId: other.id }],
        now,
      );
    });
  }
}

/**
 * A page of the member's connections, newest first, with each peer's row; `withWaiting` adds
 * those a suspension holds (R32), for the export of a suspended member (R30).
 */
export async function connectionRows(
  db: Db,
  memberId: string,
  options: SearchRequest,
  withWaiting = false,
): Promise<Page<{ peer: MemberRow; connectedAt: string }>> {
  const request = { cursor: options.cursor, limit: options.limit };
  const page = withWaiting
    ? await listConnectionsWithWaiting(db, memberId, request)
    : await listConnections(db, memberId, { q: options.q }, request);
  const peers = await findMembersByIds(
    db,
    page.items.map((r) => r.peer_id),
  );
  return presentPage(page, (r) => ({ peer: peers.get(r.peer_id), connectedAt: r.created_at }));
}

/** What other modules may use inside their own transactions (CONVENTIONS 19). */
export {
  areConnected,
  connectedAmong,
  deleteConnection,
  endEveryConnection,
  mutualCounts,
  secondDegree,
  sharesAtLeast,
} from './connection.repository.js';
