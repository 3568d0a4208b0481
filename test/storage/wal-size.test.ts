/**
 * SQLite's WAL is cut back when SQLite starts it over (db/database.ts): a WAL that a burst of
 * writes grew is not overwritten in place afterwards. The checkpoint is made here from a second
 * connection, as the server's checkpointer thread makes it, so that the test need not wait for
 * that thread.
 */
import { statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_WAL_KEPT_BYTES } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

const PAGE = 4096;

describe.runIf(testDialect() === 'sqlite')('the WAL after a burst of writes (sqlite)', () => {
  let throwaway: ThrowawayDatabase;
  let database: Database;
  let checkpointer: SqliteDatabase.Database;
  let walFile: string;

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase('sqlite');
    database = openDatabase(throwaway.url);
    await sql`create table burst (id integer primary key, body blob not null)`.execute(database.db);
    const file = throwaway.url.slice('sqlite:'.length);
    walFile = `${file}-wal`;
    checkpointer = new SqliteDatabase(file);
  });

  afterAll(async () => {
    checkpointer?.close();
    await database?.close();
    await throwaway?.drop();
  });

  /** A checkpoint of the whole WAL: its frames, and how many of them it copied. */
  function checkpoint(): [number, number] {
    const [row]: unknown[] = checkpointer.prepare('pragma wal_checkpoint(PASSIVE)').all();
    return [
      Number(Reflect.get(Object(row), 'log')),
      Number(Reflect.get(Object(row), 'checkpointed')),
    ];
  }

  /** Writes `bytes` of rows in one transaction, a page a row. */
  async function burst(bytes: number): Promise<void> {
    const rows = Math.ceil(bytes / PAGE);
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${rows})
      insert into burst (body) select zeroblob(${PAGE}) from n`.execute(database.db);
  }

  it('is cut back to its kept size when SQLite starts it over', async () => {
    await burst(2 * SQLITE_WAL_KEPT_BYTES);
    expect(statSync(walFile).size).toBeGreaterThan(2 * SQLITE_WAL_KEPT_BYTES);

    const [frames, copied] = checkpoint();
    expect(copied).toBe(frames);

    // The next write starts the WAL over from its beginning, and its commit cuts the file back.
    await sql`insert into burst (body) values (zeroblob(1))`.execute(database.db);
    expect(statSync(walFile).size).toBeLessThanOrEqual(SQLITE_WAL_KEPT_BYTES);
    const { rows } = await sql<{ n: number }>`select count(*) as n from burst`.execute(database.db);
    expect(rows).toEqual([{ n: Math.ceil((2 * SQLITE_WAL_KEPT_BYTES) / PAGE) + 1 }]);
  });
});
