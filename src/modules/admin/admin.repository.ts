import type { Insertable, Selectable } from 'kysely';
import { containsPattern, likePattern } from '../../db/contains.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';
import type { Db, Tx } from '../../db/types.js';
import type { AdminAuditTable } from '../../db/tables/operations.js';
import { anyMemberWithHandle } from '../members/member.service.js';
import type { MemberRow } from '../members/member.repository.js';

export type AuditRow = Selectable<AdminAuditTable>;
export type AdminMemberStatus = 'active' | 'unverified' | 'restricted' | 'suspended';

/**
 * Any member by handle, suspended ones included (`anyMemberWithHandle`), locked until the
 * transaction ends, so two admins acting on one member take turns.
 */
export async function lockAnyMemberByHandle(
  tx: Tx,
  handle: string,
): Promise<MemberRow | undefined> {
  return anyMemberWithHandle(tx, handle).forUpdate().executeTakeFirst();
}

export interface AdminMemberFilter {
  q: string;
  status?: AdminMemberStatus;
  now: string;
}

/** The members an admin's search and status select, for a page of them or their count. */
function membersForAdmin(db: Db, options: AdminMemberFilter) {
  // A member who left (R29) is no member at all, in any list.
  let query = db.selectFrom('members').where('deleted_at', 'is', null);
  const pattern = containsPattern(options.q);
  if (pattern) {
    query = query.where((eb) =>
      eb.or([likePattern(eb.ref('search_text'), pattern), likePattern(eb.ref('email'), pattern)]),
    );
  }
  // Each member has one status, the first that holds of suspended, restricted, unverified, active.
  const inGoodStanding = (members: typeof query) =>
    members
      .where('suspended_at', 'is', null)
      .where((eb) =>
        eb.or([eb('restricted_until', 'is', null), eb('restricted_until', '<=', options.now)]),
      );
  switch (options.status) {
    case 'suspended':
      return query.where('suspended_at', 'is not', null);
    case 'restricted':
      return query.where('suspended_at', 'is', null).where('restricted_until', '>', options.now);
    case 'unverified':
      // With `deleted_at is null` above, the WHERE term of the index that holds only these few.
      return inGoodStanding(query).where('email_verified_at', 'is', null);
    case 'active':
      return inGoodStanding(query).where('email_verified_at', 'is not', null);
    default:
      return query;
  }
}

export async function listMembersForAdmin(
  db: Db,
  options: AdminMemberFilter,
  page: PageRequest,
): Promise<Page<MemberRow>> {
  return paginate(
    db,
    membersForAdmin(db, options).selectAll(),
    { list: 'listMembersForAdmin', columns: ['handle'], order: 'asc', values: (r) => [r.handle] },
    page,
  );
}

export async function countMembersForAdmin(db: Db, options: AdminMemberFilter): Promise<number> {
  const row = await membersForAdmin(db, options)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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

export async function insertAudit(db: Db, row: Insertable<AdminAuditTable>): Promise<void> {
  await db.insertInto('admin_audit').values(row).execute();
}

export async function listAudit(db: Db, page: PageRequest): Promise<Page<AuditRow>> {
  const query = db.selectFrom('admin_audit').selectAll();
  return paginate(
    db,
    query,
    {
      list: 'listAudit',
      columns: ['created_at', 'id'],
      order: 'desc',
      values: (r) => [r.created_at, r.id],
    },
    page,
  );
}
