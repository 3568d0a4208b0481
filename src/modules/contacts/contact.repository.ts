import type { Db } from '../../db/database.js';

/** R8: whether `email` is among the contacts `memberId` imported. */
export async function hasContact(db: Db, memberId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('email')
    .where('member_id', '=', memberId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}
