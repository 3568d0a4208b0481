import { assertReachable, assertStillIn, memberNotFound } from '../members/member.js';
import type { Tx } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import type { RowsById } from '../../lib/rows-by-id.js';
import { insertMutualFollows } from '../follows/follow.service.js';
import { type MemberRow } from '../members/member.repository.js';
import { changeConnectionCount, lockMembers } from '../members/member.service.js';
import { insertConnection } from './connection.repository.js';

/**
 * Connects two members inside the caller's transaction: checks R7 against counts read under
 * row locks, writes both connection rows, the counts and the mutual follows (R10).
 * `acceptorId` is the member whose action makes the connection; `locked` are the two members'
 * rows when the caller has locked them already.
 */
export async function connectMembers(
  tx: Tx,
  acceptorId: string,
  otherId: string,
  maxConnections: number,
  at: string,
  locked?: RowsById<MemberRow>,
): Promise<void> {
  const members = locked ?? (await lockMembers(tx, [acceptorId, otherId]));
  // A member whose account went before the lock is gone from the rows: no connection with them.
  const acceptor = members.find(acceptorId);
  const other = members.find(otherId);
  if (!acceptor || !other) throw memberNotFound();
  assertStillIn(acceptor);
  assertReachable(other);
  if (acceptor.connection_count >= maxConnections) {
    throw new DomainError(
      'connection_limit_reached',
      `You have reached the limit of ${maxConnections} connections. Remove a connection to accept new ones.`,
    );
  }
  if (other.connection_count >= maxConnections) {
    throw new DomainError(
      'connection_limit_reached',
      `${other.name} has reached the limit of ${maxConnections} connections, so this invitation cannot be accepted now.`,
      { canFollow: true },
    );
  }
  await insertConnection(tx, acceptorId, otherId, at);
  await changeConnectionCount(tx, [acceptorId, otherId], 1);
  await insertMutualFollows(tx, acceptorId, otherId, at);
}
