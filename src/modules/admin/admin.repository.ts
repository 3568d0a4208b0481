import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AdminAuditTable } from '../../db/tables/operations.js';
import type { MemberRow } from '../members/member.repository.js';

export type AuditRow = Selectable<AdminAuditTable>;
export type AdminMemberStatus = 'active' | 'unverified' | 'restricted' | 'suspended';

/**
 * Any member by handle, suspended ones included, since admins must reach them; locked until the
 * transaction ends, so two admins acting on one member take turns.
 */
export async function lockAnyMemberByHandle(
  db: Db,
  handle: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('handle', '=', handle.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

export async function listMembersForAdmin(
  db: Db,
  options: {
    q: string;
    status: AdminMemberStatus | undefined;
    now: string;
    after: string | null;
    limit: number;
  },
): Promise<MemberRow[]> {
  let query = db
    .selectFrom('members')
    .selectAll()
    .orderBy('handle')
    .limit(options.limit + 1);
  // Wildcards are dropped rather than escaped: LIKE escapes differ between the two databases.
  const q = options.q
    .trim()
    .toLowerCase()
    .replace(/[%_\\]/g, '');
  if (q) {
    query = query.where((eb) =>
      eb.or([eb('search_text', 'like', `%${q}%`), eb('email', 'like', `%${q}%`)]),
    );
  }
  if (options.after) query = query.where('handle', '>', options.after);
  switch (options.status) {
    case 'suspended':
      return query.where('suspended_at', 'is not', null).execute();
    case 'restricted':
      return query
        .where('suspended_at', 'is', null)
        .where('restricted_until', '>', options.now)
        .execute();
    case 'active':
      return query
        .where('suspended_at', 'is', null)
        .where((eb) =>
          eb.or([eb('restricted_until', 'is', null), eb('restricted_until', '<=', options.now)]),
        )
        .execute();
    // No address is left unverified while sign-up does not ask to verify one.
    case 'unverified':
      return [];
    default:
      return query.execute();
  }
}

export async function setMemberRole(db: Db, id: string, role: MemberRow['role']): Promise<void> {
  await db.updateTable('members').set({ role }).where('id', '=', id).execute();
}

export async function setSuspension(
  db: Db,
  id: string,
  suspension: { at: string; reason: string } | null,
): Promise<void> {
  await db
    .updateTable('members')
    .set({ suspended_at: suspension?.at ?? null, suspension_reason: suspension?.reason ?? null })
    .where('id', '=', id)
    .execute();
}

export async function clearRestriction(db: Db, id: string): Promise<void> {
  await db.updateTable('members').set({ restricted_until: null }).where('id', '=', id).execute();
}

/**
 * A suspension withdraws every open sent invitation, kept ones too: a pin keeps an invitation
 * out of the sender's own clean-ups, not an admin's.
 */
export async function unpinInvitations(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('invitations').set({ kept: 0 }).where('id', 'in', ids).execute();
}

export async function insertAudit(db: Db, row: Insertable<AdminAuditTable>): Promise<void> {
  await db.insertInto('admin_audit').values(row).execute();
}

export async function listAudit(
  db: Db,
  options: { before: { key: string; id: string } | null; limit: number },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('admin_audit')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  const before = options.before;
  if (before) {
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(before.key, before.id)),
    );
  }
  return query.execute();
}
