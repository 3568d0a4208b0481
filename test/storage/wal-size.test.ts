/**
 * SQLite's WAL is cut back when SQLite starts it over (db/database.ts): a WAL that a burst of
 * writes grew is not overwritten in place afterwards. The checkpoint is made here from a second
 * connection, as the server's checkpointer thread makes it, so that the test need not wait for
 * that thread. And under writes that never pause, the WAL stays within its bound: the writes
 * wait for the checkpointer thread to catch up (db/sqlite-checkpointer.ts).
 */
import { statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_WAL_KEPT_BYTES } from '../../src/db/database.js';
import { MAX_BATCH } from '../../src/db/group-commit.js';
import { SQLITE_WAL_BOUND_BYTES } from '../../src/db/sqlite-checkpointer.js';
import type { Database, Db } from '../../src/db/types.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

const PAGE = 4096;
/** A WAL frame: a page and its header. */
const FRAME = PAGE + 24;
const PAGES_A_WRITE = 16;

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

  /**
   * A checkpoint of the whole WAL: its frames, and how many of them it copied. While the
   * server's checkpointer thread makes one, SQLite refuses a second as busy; it is tried again.
   */
  async function checkpoint(): Promise<[number, number]> {
    for (;;) {
      const [row]: unknown[] = checkpointer.prepare('pragma wal_checkpoint(PASSIVE)').all();
      if (Reflect.get(Object(row), 'busy') === 0)
        return [
          Number(Reflect.get(Object(row), 'log')),
          Number(Reflect.get(Object(row), 'checkpointed')),
        ];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Writes `pages` rows of a page each, through `db`. */
  async function writePages(db: Db, pages: number): Promise<void> {
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${pages})
      insert into burst (body) select zeroblob(${PAGE}) from n`.execute(db);
  }

  async function rowCount(): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*) as n from burst`.execute(database.db);
    return rows[0]?.n ?? 0;
  }

  /** Writes `bytes` of rows in one transaction, a page a row. */
  async function burst(bytes: number): Promise<void> {
    await writePages(database.db, Math.ceil(bytes / PAGE));
  }

  it('is cut back to its kept size when SQLite starts it over', async () => {
    await burst(2 * SQLITE_WAL_KEPT_BYTES);
    expect(statSync(walFile).size).toBeGreaterThan(2 * SQLITE_WAL_KEPT_BYTES);

    const [frames, copied] = await checkpoint();
    expect(copied).toBe(frames);

    // The next write starts the WAL over from its beginning, and its commit cuts the file back.
    await sql`insert into burst (body) values (zeroblob(1))`.execute(database.db);
    expect(statSync(walFile).size).toBeLessThanOrEqual(SQLITE_WAL_KEPT_BYTES);
    expect(await rowCount()).toBe(Math.ceil((2 * SQLITE_WAL_KEPT_BYTES) / PAGE) + 1);
  });

  /**
   * Writes `bytes` in transactions of 16 pages, queued all at once so that they follow each
   * other in batches with no pause between them: a checkpoint made meanwhile never finds the
   * WAL's last frame copied. Answers the WAL's largest size after a commit.
   */
  async function writeSteadily(bytes: number): Promise<number> {
    const before = await rowCount();
    const count = Math.ceil(bytes / (PAGES_A_WRITE * PAGE));
    let largest = 0;
    await Promise.all(
      Array.from({ length: count }, () =>
        database
          .transaction((tx) => writePages(tx, PAGES_A_WRITE))
          .then(() => {
            largest = Math.max(largest, statSync(walFile).size);
          }),
      ),
    );
    expect(await rowCount()).toBe(before + count * PAGES_A_WRITE);
    return largest;
  }

  /** The bound, and one batch past it, each page with a few of its index's beside it. */
  const WITHIN_BOUND = SQLITE_WAL_BOUND_BYTES + 2 * MAX_BATCH * PAGES_A_WRITE * FRAME;

  it('stays within its bound under writes that never pause', async () => {
    expect(await writeSteadily(3 * SQLITE_WAL_BOUND_BYTES)).toBeLessThanOrEqual(WITHIN_BOUND);
  });

  it('grows while another connection reads an old snapshot, the writes going on, and is started over after', async () => {
    const reader = new SqliteDatabase(walFile.slice(0, -'-wal'.length));
    try {
      reader.exec('begin');
      reader.prepare('select count(*) from burst').get();
      expect(await writeSteadily(2 * SQLITE_WAL_BOUND_BYTES)).toBeGreaterThan(
        2 * SQLITE_WAL_BOUND_BYTES,
      );
      reader.exec('commit');
    } finally {
      reader.close();
    }
    const grown = statSync(walFile).size;
    await writeSteadily(3 * SQLITE_WAL_BOUND_BYTES);
    expect(statSync(walFile).size).toBeLessThan(grown);
  });
});
