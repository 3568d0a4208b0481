/**
 * §6 `RAPPORT_SQLITE_SYNCHRONOUS=full` on SQLite: every answered write is on disk, through an
 * fsync of the WAL made off the thread that serves requests (db/wal-sync.ts). What is committed
 * is watched from a second connection to the same file, and the fsyncs by wrapping FileHandle's
 * datasync, which WalSync calls on the WAL.
 */
import { open } from 'node:fs/promises';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { GroupCommit } from '../../src/db/group-commit.js';
import type { Database } from '../../src/db/types.js';
import { WalSync } from '../../src/db/wal-sync.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

/** Each datasync WalSync makes, as it begins and as it ends. */
const syncs: string[] = [];
let count = 0;
let restoreDatasync: () => void = () => undefined;

async function watchDatasync(): Promise<void> {
  const handle = await open(import.meta.filename, 'r');
  const prototype: object = Object.getPrototypeOf(handle);
  await handle.close();
  const original: unknown = Reflect.get(prototype, 'datasync');
  if (typeof original !== 'function') throw new Error('no datasync to watch');
  Reflect.set(prototype, 'datasync', async function (this: unknown) {
    const n = ++count;
    syncs.push(`sync ${n} begins`);
    await Reflect.apply(original, this, []);
    syncs.push(`sync ${n} ends`);
  });
  restoreDatasync = () => Reflect.set(prototype, 'datasync', original);
}

describe.runIf(testDialect() === 'sqlite')('synchronous=full (sqlite)', () => {
  let throwaway: ThrowawayDatabase;
  let database: Database;
  let observer: SqliteDatabase.Database;

  beforeAll(async () => {
    await watchDatasync();
    throwaway = await createThrowawayDatabase('sqlite');
    database = openDatabase(throwaway.url, { sqliteSynchronous: 'full' });
    await sql`create table rows_written (id text primary key)`.execute(database.db);
    observer = new SqliteDatabase(throwaway.url.slice('sqlite:'.length), { readonly: true });
  });

  afterAll(async () => {
    restoreDatasync();
    observer?.close();
    await database?.close();
    await throwaway?.drop();
  });

  beforeEach(() => {
    syncs.length = 0;
    count = 0;
  });

  function committed(): string[] {
    return observer
      .prepare<[], { id: string }>('select id from rows_written order by id')
      .all()
      .map((row) => row.id);
  }

  function write(into: { transaction: Database['transaction'] }, id: string): Promise<string> {
    return into.transaction(async (tx) => {
      await sql`insert into rows_written (id) values (${id})`.execute(tx);
      return id;
    });
  }

  it('§6: a transaction is answered after the WAL sync that follows its commit', async () => {
    const answered = await write(database, 'a').then((id) => [...syncs, `${id} answered`]);
    expect(answered).toEqual(['sync 1 begins', 'sync 1 ends', 'a answered']);
  });

  it('§6: a write outside any transaction is answered after a WAL sync; a read makes none', async () => {
    await sql`insert into rows_written (id) values ('b')`.execute(database.db);
    expect(syncs).toEqual(['sync 1 begins', 'sync 1 ends']);
    await sql`select count(*) from rows_written`.execute(database.db);
    expect(syncs).toHaveLength(2);
  });

  it('§6: while a batch waits for its sync, the requests that come gather, then commit together under one sync', async () => {
    const held: { commitsSeen: string[]; release: (error?: Error) => void }[] = [];
    const groupCommit = new GroupCommit(database.db, {
      durable: () =>
        new Promise<void>((resolve, reject) =>
          held.push({
            commitsSeen: committed(),
            release: (error) => (error ? reject(error) : resolve()),
          }),
        ),
    });
    const answers: string[] = [];
    const first = write(groupCommit, 'c').then((id) => answers.push(id));
    await expect.poll(() => held.length).toBe(1);
    expect(held[0]?.commitsSeen).toContain('c');
    const later = ['d1', 'd2', 'd3'].map((id) =>
      write(groupCommit, id).then((written) => answers.push(written)),
    );
    // Turns of the event loop in which a batch would have begun: none does while the sync runs.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(committed()).not.toContain('d1');
    expect(held).toHaveLength(1);
    held[0]?.release();
    await first;
    await expect.poll(() => held.length).toBe(2);
    expect(held[1]?.commitsSeen).toEqual(expect.arrayContaining(['d1', 'd2', 'd3']));
    expect(answers).toEqual(['c']);
    held[1]?.release();
    await Promise.all(later);
    expect(answers).toEqual(['c', 'd1', 'd2', 'd3']);
  });

  it('§6: when the sync fails, the batch is answered with its error', async () => {
    const groupCommit = new GroupCommit(database.db, {
      durable: () => Promise.reject(new Error('EIO: i/o error, fdatasync')),
    });
    await expect(write(groupCommit, 'e')).rejects.toThrow('EIO');
  });

  it('§6: asked while a sync runs, callers share the one sync that begins after it', async () => {
    const walSync = new WalSync(`${throwaway.url.slice('sqlite:'.length)}-wal`);
    const done: string[] = [];
    const asked = Array.from({ length: 5 }, (_, i) =>
      walSync.sync().then(() => done.push(`caller ${i} after ${syncs.at(-1)}`)),
    );
    await Promise.all(asked);
    await walSync.close();
    expect(syncs).toEqual(['sync 1 begins', 'sync 1 ends', 'sync 2 begins', 'sync 2 ends']);
    expect(done).toEqual([
      'caller 0 after sync 1 ends',
      'caller 1 after sync 2 ends',
      'caller 2 after sync 2 ends',
      'caller 3 after sync 2 ends',
      'caller 4 after sync 2 ends',
    ]);
  });
});
