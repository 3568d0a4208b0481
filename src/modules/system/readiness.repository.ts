import { sql } from 'kysely';
import type { Database } from '../../db/types.js';

/** Whether the database answers at all: a statement that reads nothing. */
export async function reachDatabase(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}

/**
 * Whether the database can take writes now. On SQLite, readers carry on while another process
 * holds the file locked or the file is read-only, so the probe takes the write lock and gives it
 * back at once, on one connection held for both statements; on PostgreSQL a round trip is enough.
 */
export async function probeDatabase(database: Database): Promise<void> {
  if (database.dialect === 'postgres') return reachDatabase(database);
  await database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    await sql`rollback`.execute(connection);
  });
}
