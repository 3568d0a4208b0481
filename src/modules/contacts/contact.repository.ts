import type { Selectable } from 'kysely';
import { chunksOf } from '../../db/chunks.js';
import type { Db, Operand } from '../../db/types.js';
import { type Page, type PageRequest, paginate } from '../../db/pagination.js';
import type { ContactTable } from '../../db/tables/contact.js';

export type ContactRow = Selectable<ContactTable>;

/** R8: whether `email` is among the contacts `memberId` imported. */
/** A member's imported address; `email` in lower case, as imports store it. */
export function contactRow(db: Db, memberId: Operand<string>, email: Operand<string>) {
  return db
    .selectFrom('contacts')
    .select('email')
    .where('member_id', '=', memberId)
    .where('email', '=', email);
}

/** Adds lower-cased addresses; ones already imported stay as they were. */
export async function insertContacts(
  db: Db,
  memberId: string,
  emails: string[],
  at: string,
): Promise<void> {
  for (const chunk of chunksOf(emails)) {
    await db
      .insertInto('contacts')
      .values(chunk.map((email) => ({ member_id: memberId, email, created_at: at })))
      .onConflict((oc) => oc.columns(['member_id', 'email']).doNothing())
      .execute();
  }
}

/** In address order, served by the primary key (member_id, email). */
export async function listContacts(
  db: Db,
  memberId: string,
  page: PageRequest,
): Promise<Page<ContactRow>> {
  const query = db.selectFrom('contacts').selectAll().where('member_id', '=', memberId);
  return paginate(
    db,
    query,
    { list: 'listContacts', columns: ['email'], order: 'asc', values: (r) => [r.email] },
    page,
  );
}

export async function deleteContacts(db: Db, memberId: string): Promise<void> {
  await db.deleteFrom('contacts').where('member_id', '=', memberId).execute();
}
