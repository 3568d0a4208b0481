/**
 * Fast set-up for tests that need hundreds or thousands of members: rows written through the
 * database in one transaction instead of one sign-up request each. Members made here cannot
 * sign in; use `t.member()` for those who call the API.
 */
import type { Db } from '../../src/db/types.js';
import type { InvitationKind } from '../../src/db/tables/invitation.js';
import { newId } from '../../src/lib/ids.js';
import { newPendingInvitation } from '../../src/modules/invitations/invitation.js';
import type { InvitationRow } from '../../src/modules/invitations/invitation.repository.js';
import {
  findMemberByHandle,
  type MemberRow,
  searchTextOf,
} from '../../src/modules/members/member.repository.js';
import { newMemberRow } from '../../src/modules/members/member.js';
import type { Member, TestApp } from '../helpers/app.js';

const CHUNK = 500;
let seeded = 0;

export async function seedMembers(
  t: TestApp,
  count: number,
  profile: (i: number) => Partial<MemberRow> = () => ({}),
): Promise<MemberRow[]> {
  const at = t.clock.now().toISOString();
  const rows: MemberRow[] = [];
  for (let i = 0; i < count; i++) {
    const handle = `seeded-${++seeded}-${newId().slice(-6).toLowerCase()}`;
    const row = {
      ...newMemberRow(
        {
          id: newId(t.clock.now()),
          email: `${handle}@example.test`,
          passwordHash: 'not-a-hash',
          name: `Seeded Member ${seeded}`,
          handle,
        },
        at,
      ),
      ...profile(i),
    };
    row.search_text = searchTextOf(row);
    rows.push(row);
  }
  await t.ctx.database.transaction(async (db) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insertInto('members')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
  });
  return rows;
}

export async function memberRow(t: TestApp, member: Member | string): Promise<MemberRow> {
  const handle = typeof member === 'string' ? member : member.handle;
  const row = await findMemberByHandle(t.ctx.database.db, handle);
  if (!row) throw new Error(`no member ${handle}`);
  return row;
}

/** Connects `center` with each of `others` (both connection rows, counts and follows). */
export async function connectAll(
  t: TestApp,
  center: Member | MemberRow,
  others: (Member | MemberRow)[],
): Promise<void> {
  const centerId = 'id' in center ? center.id : (await memberRow(t, center)).id;
  const otherIds: string[] = [];
  for (const other of others)
    otherIds.push('id' in other ? other.id : (await memberRow(t, other)).id);
  const at = t.clock.now().toISOString();
  await t.ctx.database.transaction(async (db) => {
    for (let i = 0; i < otherIds.length; i += CHUNK) {
      const chunk = otherIds.slice(i, i + CHUNK);
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
  t: TestApp,
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
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
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

/** Signs several members up through the API at once, typed as a tuple. */
export function signUp<const N extends readonly string[]>(
  t: TestApp,
  ...names: N
): Promise<{ -readonly [K in keyof N]: Member }> {
  // Promise.all over a mapped array cannot keep the tuple's length in its type.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return Promise.all(names.map((n) => t.member(n))) as Promise<{
    -readonly [K in keyof N]: Member;
  }>;
}
