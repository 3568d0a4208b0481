/**
 * R32: a suspended member answers 404 to everyone else, so for as long as the suspension lasts
 * their connections and follows leave the graph: every list, count and mutual count of the
 * members around them reads the graph alone and needs no filter for it. They wait in
 * `suspended_connections` and `suspended_follows` and go back when the suspension ends. Each
 * member's `connection_count` stays the number of their rows in `connections`, which R7 guards.
 */
import type { Tx } from '../../db/types.js';
import { endEveryConnection } from '../connections/connection.service.js';

function suspendedMembers(tx: Tx) {
  return tx.selectFrom('members').select('id').where('suspended_at', 'is not', null);
}

/** Takes the member's connections and follows out of the graph, into waiting. */
export async function hideFromGraph(tx: Tx, memberId: string): Promise<void> {
  await tx
    .insertInto('suspended_connections')
    .columns(['suspended_id', 'peer_id', 'created_at'])
    .expression(
      tx
        .selectFrom('connections')
        .select(['member_id as suspended_id', 'peer_id', 'created_at'])
        .where('member_id', '=', memberId),
    )
    .execute();
  await endEveryConnection(tx, memberId);

  for (const own of ['follower_id', 'followee_id'] as const) {
    await tx
      .insertInto('suspended_follows')
      .columns(['suspended_id', 'follower_id', 'followee_id', 'created_at'])
      .expression(
        tx
          .selectFrom('follows')
          .select([`${own} as suspended_id`, 'follower_id', 'followee_id', 'created_at'])
          .where(own, '=', memberId),
      )
      .execute();
  }
  await tx
    .deleteFrom('follows')
    .where((eb) => eb.or([eb('follower_id', '=', memberId), eb('followee_id', '=', memberId)]))
    .execute();
}

/**
 * Puts back what the member's suspension held. What ties them to a member who is suspended in
 * turn waits on, held by that member's suspension instead, and comes back with theirs.
 */
export async function returnToGraph(tx: Tx, memberId: string): Promise<void> {
  // Both columns take their values from the row as it was: the connection, seen from the peer.
  await tx
    .updateTable('suspended_connections')
    .set((eb) => ({ suspended_id: eb.ref('peer_id'), peer_id: eb.ref('suspended_id') }))
    .where('suspended_id', '=', memberId)
    .where('peer_id', 'in', suspendedMembers(tx))
    .execute();
  const waiting = tx.selectFrom('suspended_connections').where('suspended_id', '=', memberId);
  for (const rows of [
    waiting.select(['suspended_id as member_id', 'peer_id', 'created_at']),
    waiting.select(['peer_id as member_id', 'suspended_id as peer_id', 'created_at']),
  ]) {
    await tx
      .insertInto('connections')
      .columns(['member_id', 'peer_id', 'created_at'])
      .expression(rows)
      .execute();
  }
  await tx
    .updateTable('members')
    .set((eb) => ({ connection_count: eb('connection_count', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb.selectFrom('suspended_connections').select('peer_id').where('suspended_id', '=', memberId),
    )
    .execute();
  await tx
    .updateTable('members')
    .set((eb) => ({
      connection_count: eb
        .selectFrom('suspended_connections')
        .select((c) => c.fn.countAll<number>().as('n'))
        .where('suspended_id', '=', memberId),
    }))
    .where('id', '=', memberId)
    .execute();
  await tx.deleteFrom('suspended_connections').where('suspended_id', '=', memberId).execute();

  for (const [own, other] of [
    ['follower_id', 'followee_id'],
    ['followee_id', 'follower_id'],
  ] as const) {
    await tx
      .updateTable('suspended_follows')
      .set((eb) => ({ suspended_id: eb.ref(other) }))
      .where('suspended_id', '=', memberId)
      .where(own, '=', memberId)
      .where(other, 'in', suspendedMembers(tx))
      .execute();
  }
  await tx
    .insertInto('follows')
    .columns(['follower_id', 'followee_id', 'created_at'])
    .expression(
      tx
        .selectFrom('suspended_follows')
        .select(['follower_id', 'followee_id', 'created_at'])
        .where('suspended_id', '=', memberId),
    )
    .execute();
  await tx.deleteFrom('suspended_follows').where('suspended_id', '=', memberId).execute();
}
