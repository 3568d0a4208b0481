/**
 * §6 group commit on SQLite: transactions that arrive together share one COMMIT, each in a
 * savepoint of its own. What the batch shares is watched from a second, independent connection
 * to the same file, which sees only what is committed; another process's write lock is taken
 * by a third.
 */
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { isUniqueViolation } from '../../src/db/errors.js';
import { MAX_BATCH } from '../../src/db/group-commit.js';
import type { Database } from '../../src/db/types.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

describe.runIf(testDialect() === 'sqlite')('group commit (sqlite)', () => {
  let throwaway: ThrowawayDatabase;
  let database: Database;
  let observer: SqliteDatabase.Database;

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase('sqlite');
    database = openDatabase(throwaway.url);
    await sql`create table rows_written (id text primary key)`.execute(database.db);
    await sql`create table parents (id text primary key)`.execute(database.db);
    await sql`create table children (id text primary key,
      parent_id text not null references parents (id) deferrable initially deferred)`.execute(
      database.db,
    );
    observer = new SqliteDatabase(throwaway.url.slice('sqlite:'.length), { readonly: true });
  });

  afterAll(async () => {
    observer?.close();
    await database?.close();
    await throwaway?.drop();
  });

  beforeEach(async () => {
    await sql`delete from rows_written`.execute(database.db);
  });

  /** Rows the observer sees: only what is committed. */
  function committed(): string[] {
    return observer
      .prepare<[], { id: string }>('select id from rows_written order by id')
      .all()
      .map((row) => row.id);
  }

  /**
   * A transaction that writes one row, noting how many rows were committed when it began: the
   * transactions of one batch all note the same number.
   */
  function write(id: string, seen: number[], refuse = false): Promise<string> {
    return database.transaction(async (tx) => {
      seen.push(committed().length);
      await sql`insert into rows_written (id) values (${id})`.execute(tx);
      if (refuse) throw new Error(`${id} refused`);
      return id;
    });
  }

  /** How many transactions shared each commit, in the order of the commits. */
  function batchSizes(seen: number[]): number[] {
    const sizes = new Map<number, number>();
    for (const count of seen) sizes.set(count, (sizes.get(count) ?? 0) + 1);
    return [...sizes.values()];
  }

  it('§6: a request refused or failing inside a batch rolls back alone; the others commit and get their own answers', async () => {
    const seen: number[] = [];
    const results = await Promise.allSettled([
      write('a', seen),
      write('b', seen, true),
      write('a', seen),
      write('c', seen),
    ]);
    expect(batchSizes(seen)).toEqual([4]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'a' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: 'b refused' } });
    expect(results[2]?.status).toBe('rejected');
    expect(isUniqueViolation(results[2]?.status === 'rejected' && results[2].reason)).toBe(true);
    expect(results[3]).toEqual({ status: 'fulfilled', value: 'c' });
    expect(committed()).toEqual(['a', 'c']);
  });

  it('§6: when the first request of a batch fails, its work alone is undone; the requests behind it commit', async () => {
    const seen: number[] = [];
    const results = await Promise.allSettled([
      write('a', seen, true),
      write('b', seen),
      write('c', seen),
    ]);
    expect(results).toEqual([
      { status: 'rejected', reason: new Error('a refused') },
      { status: 'fulfilled', value: 'b' },
      { status: 'fulfilled', value: 'c' },
    ]);
    expect(committed()).toEqual(['b', 'c']);
  });

  it('§6: no request is answered before the commit that holds its write', async () => {
    const seen: number[] = [];
    const visibleWhenAnswered = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        write(`r${String(i).padStart(2, '0')}`, seen).then((id) => committed().includes(id)),
      ),
    );
    expect(visibleWhenAnswered).toEqual(Array.from({ length: 20 }, () => true));
    // They did share commits: answering early would have been seen above.
    expect(batchSizes(seen).length).toBeLessThan(20);
  });

  it(`§6: a batch holds at most ${MAX_BATCH} requests`, async () => {
    const seen: number[] = [];
    const count = MAX_BATCH * 2 + 22;
    await Promise.all(Array.from({ length: count }, (_, i) => write(`s${i}`, seen)));
    expect(batchSizes(seen)).toEqual([MAX_BATCH, MAX_BATCH, 22]);
    expect(committed()).toHaveLength(count);
  });

  it('§6: when the shared COMMIT fails, no request of the batch is acknowledged, and the next batch commits', async () => {
    const seen: number[] = [];
    const orphan = database.transaction(async (tx) => {
      // A deferred foreign key is checked only by the COMMIT.
      await sql`insert into children (id, parent_id) values ('x', 'missing')`.execute(tx);
    });
    const results = await Promise.allSettled([write('d', seen), orphan, write('e', seen)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(
      results.map((r) => (r.status === 'rejected' ? Reflect.get(Object(r.reason), 'code') : null)),
    ).toEqual(Array.from({ length: 3 }, () => 'SQLITE_CONSTRAINT_FOREIGNKEY'));
    expect(committed()).toEqual([]);
    expect(await write('f', seen)).toBe('f');
    expect(committed()).toEqual(['f']);
  });

  it('§6: each request runs alone: the next one starts only after the previous one ended', async () => {
    const steps: string[] = [];
    const slow = (name: string) =>
      database.transaction(async (tx) => {
        steps.push(`${name} starts`);
        await sql`insert into rows_written (id) values (${name})`.execute(tx);
        // Gives the event loop a full turn in the middle of the transaction.
        await new Promise((resolve) => setImmediate(resolve));
        const [row] = (await sql<{ n: number }>`select count(*) as n from rows_written`.execute(tx))
          .rows;
        steps.push(`${name} ends with ${row?.n}`);
      });
    await Promise.all([slow('g'), slow('h'), slow('i')]);
    expect(steps).toEqual([
      'g starts',
      'g ends with 1',
      'h starts',
      'h ends with 2',
      'i starts',
      'i ends with 3',
    ]);
  });

  describe('§6 R34: another process holding the write lock', () => {
    let locker: SqliteDatabase.Database;
    let settled: Map<string, string>;

    beforeEach(() => {
      locker = new SqliteDatabase(throwaway.url.slice('sqlite:'.length));
      locker.exec('begin immediate');
      settled = new Map();
    });

    afterEach(() => {
      if (locker.inTransaction) locker.exec('rollback');
      locker.close();
    });

    /** `promise`, noting in `settled` under `name` how it ended once it has. */
    function watched<T>(name: string, promise: Promise<T>): Promise<T> {
      promise.then(
        () => settled.set(name, 'done'),
        (error: unknown) => settled.set(name, String(Reflect.get(Object(error), 'code'))),
      );
      return promise;
    }

    /** Rows read through the app's own connection. */
    async function readThroughApp(db: Database): Promise<number> {
      const [row] = (
        await sql<{ n: number }>`select count(*) as n from rows_written`.execute(db.db)
      ).rows;
      return row?.n ?? -1;
    }

    it('a transaction waits for the lock on a timer, reads answering meanwhile, and commits once it is given back', async () => {
      const pending = watched('x', write('x', []));
      // Each read is answered while the write waits: the one connection is not held by it.
      for (let i = 0; i < 3; i++) {
        expect(await readThroughApp(database)).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(settled.get('x')).toBeUndefined();
      locker.exec('rollback');
      expect(await pending).toBe('x');
      expect(committed()).toEqual(['x']);
    });

    it('a write outside any transaction waits for the lock on a timer, reads answering meanwhile', async () => {
      const pending = watched(
        'y',
        sql`insert into rows_written (id) values ('y')`.execute(database.db),
      );
      for (let i = 0; i < 3; i++) {
        expect(await readThroughApp(database)).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(settled.get('y')).toBeUndefined();
      locker.exec('rollback');
      await pending;
      expect(committed()).toEqual(['y']);
    });

    it('past its wait, a transaction fails with the lock’s error; one that came meanwhile waits for its own turn', async () => {
      const briefly = openDatabase(throwaway.url, { sqliteLockWaitMs: 200 });
      try {
        const first = watched(
          'a',
          briefly.transaction((tx) => sql`insert into rows_written (id) values ('a')`.execute(tx)),
        );
        // The batch has begun, and found the lock held, before the second request comes.
        await new Promise((resolve) => setTimeout(resolve, 20));
        const second = watched(
          'b',
          briefly.transaction((tx) => sql`insert into rows_written (id) values ('b')`.execute(tx)),
        );
        await expect(first).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
        expect(settled.has('b')).toBe(false);
        locker.exec('rollback');
        await second;
        expect(committed()).toEqual(['b']);
      } finally {
        await briefly.close();
      }
    });

    it('each transaction waits for the lock its own wait from when it came, not the rest of the batch’s before it', async () => {
      const wait = 300;
      const briefly = openDatabase(throwaway.url, { sqliteLockWaitMs: wait });
      /** How long `id` waited from its arrival until it failed. */
      const waited = async (id: string) => {
        const came = performance.now();
        await expect(
          briefly.transaction((tx) =>
            sql`insert into rows_written (id) values (${id})`.execute(tx),
          ),
        ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
        return performance.now() - came;
      };
      try {
        const first = waited('a');
        // Half the first one's wait has passed when the second comes, so a second whole wait
        // begun when the first fails would hold it 1.5 times its own.
        await new Promise((resolve) => setTimeout(resolve, wait / 2));
        const second = waited('b');
        const [a, b] = await Promise.all([first, second]);
        expect(a).toBeGreaterThanOrEqual(wait - 30);
        expect(b).toBeGreaterThanOrEqual(wait - 30);
        expect(b).toBeLessThan(wait * 1.3);
        expect(committed()).toEqual([]);
      } finally {
        await briefly.close();
      }
    });
  });
});
