import type { Selectable } from 'kysely';
import { anyOf } from '../../db/lists.js';
import type { Db } from '../../db/types.js';
import { prepare } from '../../db/prepared.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';
import type { NotificationTable } from '../../db/tables/notification.js';

export type NotificationRow = Selectable<NotificationTable>;

const insertRow = prepare(
  (db, row: NotificationRow) => db.insertInto('notifications').values(row),
  { deferrable: true },
);

export async function insertNotification(db: Db, row: NotificationRow): Promise<void> {
  await insertRow.execute(db, row);
}

function receivedNotices(db: Db) {
  return db.deleteFrom('notifications').where('type', '=', 'invitation_received');
}

/** The common case of one invitation, prepared: a single withdrawal. */
const deleteForOne = prepare(
  (db, a: { id: string }) => receivedNotices(db).where('invitation_id', '=', a.id),
  { deferrable: true },
);

/** R15: a withdrawn invitation leaves no in-app trace with its recipient. */
export async function deleteNotificationsForInvitation(
  db: Db,
  invitationIds: string[],
): Promise<void> {
  const [first, ...more] = invitationIds;
  if (first === undefined) return;
  if (more.length === 0) await deleteForOne.execute(db, { id: first });
  else
    await receivedNotices(db)
      .where(anyOf(db, 'invitation_id', invitationIds))
      .execute();
}

/** Newest first. */
export async function listNotifications(
  db: Db,
  memberId: string,
  page: PageRequest,
): Promise<Page<NotificationRow>> {
  const query = db.selectFrom('notifications').selectAll().where('member_id', '=', memberId);
  return paginate(
    db,
    query,
    {
      list: 'listNotifications',
      columns: ['created_at', 'id'],
      order: 'desc',
      values: (r) => [r.created_at, r.id],
    },
    page,
  );
}

export async function countUnread(db: Db, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(
  db: Db,
  memberId: string,
  ids: string[] | undefined,
  at: string,
): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}
