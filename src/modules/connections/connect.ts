import { memberNotFound } from '../members/member.js';
import type { Db } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import { insertMutualFollows } from '../follows/follow.repository.js';
import {
  changeConnectionCount,
  lockMembers,
  type MemberRow,
} from '../members/member.repository.js';
import { insertConnection } from './connection.repository.js';

/**
 * Connects two members inside the caller's transaction: checks R7 against counts read under
 * row locks, writes both connection rows, the counts and the mutual follows (R10).
 * `acceptorId` is the member whose action makes the connection; `locked` are the two members'
 * rows when the caller has locked them already.
 */
export async function connectMembers(
  db: Db,
  acceptorId: string,
  otherId: string,
  maxConnections: number,
  at: string,
  locked?: Map<string, MemberRow>,
): Promise<void> {
  const members = locked ?? (await lockMembers(db, [acceptorId, otherId]));
  const acceptor = members.get(acceptorId);
  const other = members.get(otherId);
  if (!acceptor || !other) throw memberNotFound();
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
  await insertConnection(db, acceptorId, otherId, at);
  await changeConnectionCount(db, [acceptorId, otherId], 1);
  await insertMutualFollows(db, acceptorId, otherId, at);
}
