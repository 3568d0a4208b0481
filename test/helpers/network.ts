/**
 * Connections and invitations between test members: through the API the way members make them,
 * or, for tests that need thousands, rows written in one transaction.
 */
import { expect } from 'vitest';
import { chunksOf } from '../../src/db/chunks.js';
import type { Db } from '../../src/db/types.js';
import type { InvitationKind } from '../../src/db/tables/invitation.js';
import { newId } from '../../src/lib/ids.js';
import { newPendingInvitation } from '../../src/modules/invitations/invitation.js';
import type { InvitationRow } from '../../src/modules/invitations/invitation.repository.js';
import type { MemberRow } from '../../src/modules/members/member.repository.js';
import type { Member, Seeding, TestApp } from './app.js';
import { memberId, memberRow } from './members.js';

/** Connects two members the way members do: `a` invites, `b` accepts. */
export async function connect(a: Member, b: Member): Promise<void> {
  const sent = await a.invite(b);
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  const accepted = await b.post(`/api/v1/invitations/${sent.body.id}/accept`);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
}
/** Connects `center` with each of `others` (both connection rows, counts and follows). */
export async function connectAll(
  t: Seeding,
  center: Member | MemberRow,
  others: (Member | MemberRow)[],
): Promise<void> {
  const centerId = 'id' in center ? center.id : (await memberRow(t, center)).id;
  const otherIds: string[] = [];
  for (const other of others)
    otherIds.push('id' in other ? other.id : (await memberRow(t, other)).id);
  const at = t.clock.now().toISOString();
  await t.ctx.database.transaction(async (db) => {
    for (const chunk of chunksOf(otherIds)) {
      await db
        .insertInto('connections')
        .values(
          chunk.flatMap((id) => [
            { member_id: centerId, peer_id: id, created_at: at },
            { member_id: id, peer_id: centerId, created_at: at },
          ]),
        )
        .execute();
      await db
        .insertInto('follows')
        .values(
          chunk.flatMap((id) => [
            { follower_id: centerId, followee_id: id, created_at: at },
            { follower_id: id, followee_id: centerId, created_at: at },
          ]),
        )
        .execute();
      await db
        .updateTable('members')
        .set((eb) => ({ connection_count: eb('connection_count', '+', 1) }))
        .where('id', 'in', chunk)
        .execute();
    }
    await db
      .updateTable('members')
      .set((eb) => ({ connection_count: eb('connection_count', '+', otherIds.length) }))
      .where('id', '=', centerId)
      .execute();
  });
}

/**
 * The rows `createInvitation` writes (invitation, notification, invitation mail), in
 * multi-row inserts: thousands of invitations in well under a second on either database.
 */
export async function seedInvitationsBulk(
  t: Seeding,
  sender: MemberRow,
  recipients: MemberRow[],
  options: { kind?: InvitationKind; target?: { id: string; name: string } } = {},
): Promise<InvitationRow[]> {
  const now = t.clock.now();
  const at = now.toISOString();
  const { rules } = t.ctx.config;
  const kind = options.kind ?? 'connection';
  const rows: InvitationRow[] = recipients.map((recipient) =>
    newPendingInvitation(
      {
        kind,
        senderId: sender.id,
        recipientId: recipient.id,
        targetId: options.target?.id ?? '',
        note: null,
        howKnown: null,
        now,
      },
      rules,
    ),
  );
  const payload = JSON.stringify({
    actorName: sender.name,
    kind,
    targetName: options.target?.name ?? null,
  });
  await t.ctx.database.transaction(async (db: Db) => {
    for (const chunk of chunksOf(rows)) {
      await db.insertInto('invitations').values(chunk).execute();
      await db
        .insertInto('notifications')
        .values(
          chunk.map((r) => ({
            id: newId(now),
            member_id: r.recipient_id,
            type: 'invitation_received' as const,
            actor_id: sender.id,
            invitation_id: r.id,
            created_at: at,
            read_at: null,
          })),
        )
        .execute();
      await db
        .insertInto('outbox')
        .values(
          chunk.map((r) => ({
            id: newId(now),
            recipient_id: r.recipient_id,
            to_email: `${r.recipient_id}@example.test`,
            template: 'invitation' as const,
            invitation_id: r.id,
            expects_status: 'pending',
            payload,
            status: 'pending' as const,
            attempts: 0,
            next_attempt_at: at,
            claimed_until: null,
            last_error: null,
            created_at: at,
            sent_at: null,
          })),
        )
        .execute();
    }
  });
  return rows;
}

/** What the database holds about two members: connection rows each way, follows each way, counts. */
export async function pairState(t: TestApp, a: Member, b: Member) {
  const db = t.ctx.database.db;
  const [ida, idb] = [await memberId(t, a), await memberId(t, b)];
  const connections = await db
    .selectFrom('connections')
    .select(['member_id', 'peer_id'])
    .where('member_id', 'in', [ida, idb])
    .where('peer_id', 'in', [ida, idb])
    .execute();
  const follows = await db
    .selectFrom('follows')
    .select(['follower_id', 'followee_id'])
    .where('follower_id', 'in', [ida, idb])
    .where('followee_id', 'in', [ida, idb])
    .execute();
  return {
    aToB: connections.some((c) => c.member_id === ida && c.peer_id === idb),
    bToA: connections.some((c) => c.member_id === idb && c.peer_id === ida),
    aFollowsB: follows.some((f) => f.follower_id === ida && f.followee_id === idb),
    bFollowsA: follows.some((f) => f.follower_id === idb && f.followee_id === ida),
  };
}

/** A member's stored connection_count next to the number of connection rows they have. */
export async function connectionCounts(t: TestApp, member: Member) {
  const db = t.ctx.database.db;
  const id = await memberId(t, member);
  const row = await db
    .selectFrom('members')
    .select('connection_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('connections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', id)
    .executeTakeFirstOrThrow();
  const back = await db
    .selectFrom('connections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('peer_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    stored: Number(row.connection_count),
    rows: Number(rows.n),
    reverseRows: Number(back.n),
  };
}

export async function invitationStatus(t: TestApp, id: string): Promise<string> {
  const row = await t.ctx.database.db
    .selectFrom('invitations')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}
