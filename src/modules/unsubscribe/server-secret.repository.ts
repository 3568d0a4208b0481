import type { Db } from '../../db/types.js';

/**
 * The secret named `name`, made on first use and kept in the database. Of processes racing to
 * make it, the first insert wins and every process reads that one.
 */
export async function loadOrCreateSecret(
  db: Db,
  name: string,
  fresh: string,
  at: string,
): Promise<string> {
  await db
    .insertInto('server_secrets')
    .values({ name, value: fresh, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
