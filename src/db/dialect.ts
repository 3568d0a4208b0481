import { PostgresAdapter, SqliteAdapter } from 'kysely';
import type { Db } from './types.js';

/** Where a statement is written differently for one of the two databases. */
export function onSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export function onPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
