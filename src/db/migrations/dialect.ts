import { type Kysely, SqliteAdapter } from 'kysely';

/** For the migrations that shape SQLite alone; like them, frozen once landed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function onSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
