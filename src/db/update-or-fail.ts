import type { UpdateQueryBuilder } from 'kysely';
import { onSqlite } from './dialect.js';
import type { Schema } from './schema.js';
import type { Tx } from './types.js';

const UPDATE = /^update /;

/**
 * Runs an UPDATE of many rows in the caller's transaction, on SQLite as `update or fail`.
 * SQLite can otherwise undo a failing statement alone, for which it first copies every page the
 * statement changes into a statement journal, here kept in memory (`temp_store`): it held 10 MB
 * more at the peak of a withdrawal of 10,000 invitations. A request fails as a whole when one of
 * its statements fails, its savepoint or transaction rolled back (group-commit.ts), so that copy
 * is never used. PostgreSQL has no such clause and makes no such copy.
 */
export async function updateOrFail<UT extends keyof Schema, TB extends keyof Schema, O>(
  tx: Tx,
  query: UpdateQueryBuilder<Schema, UT, TB, O>,
): Promise<O[]> {
  const compiled = query.compile();
  if (!onSqlite(tx)) {
    return (await tx.executeQuery(compiled)).rows;
  }
  if (!UPDATE.test(compiled.sql)) throw new Error(`Not a plain UPDATE: ${compiled.sql}`);
  const orFail = { ...compiled, sql: compiled.sql.replace(UPDATE, 'update or fail ') };
  return (await tx.executeQuery<O>(orFail)).rows;
}
