/**
 * A check that a request's first statement carries to PostgreSQL (db/carried-check.ts; a known
 * bearer token's lookup in the app, R28 and R32): whatever the request's statements are, none
 * of its answers arrive before the check's, and a refused check leaves nothing written, even
 * where every write of a transaction waits to travel with its COMMIT (db/postgres-write-batch.ts).
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { carrying, type Check, PendingCheck } from '../../src/db/carried-check.js';
import { openDatabase } from '../../src/db/database.js';
import { prepare } from '../../src/db/prepared.js';
import type { Database } from '../../src/db/types.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

class Refused extends Error {}

describe.runIf(testDialect() === 'postgres')('a check carried by the first statement', () => {
  let throwaway: ThrowawayDatabase;
  let database: Database;

  /** A write whose answer no one reads: inside a transaction it waits for the next statement. */
  const writeRow = prepare(
    (db, a: { id: string }) =>
      db
        .withTables<{ rows_written: { id: string } }>()
        .insertInto('rows_written')
        .values({ id: a.id }),
    { deferrable: true },
  );

  /** A check that says yes when `pass`, and counts the answers it judged. */
  function check(pass: boolean): Check & { judged: number } {
    const statement = { sql: 'select 1 as ok where $1::boolean', values: [pass] };
    const made = {
      judged: 0,
      statement,
      verify(rows: unknown[]) {
        made.judged++;
        if (rows.length === 0) throw new Refused('refused');
      },
      runAlone: async () =>
        (await database.db.executeQuery(CompiledQuery.raw(statement.sql, statement.values))).rows,
    };
    return made;
  }

  /** Runs `work` as a request would, with `pending` to be carried, and gives what it settled to. */
  function asRequest<T>(pending: PendingCheck, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      carrying(pending, () => {
        work().then(resolve, reject);
      });
    });
  }

  async function written(): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`select id from rows_written order by id`.execute(
      database.db,
    );
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase('postgres');
    database = openDatabase(throwaway.url);
    await sql`create table rows_written (id text primary key)`.execute(database.db);
  });

  afterAll(async () => {
    await database?.close();
    await throwaway?.drop();
  });

  beforeEach(async () => {
    await sql`delete from rows_written`.execute(database.db);
  });

  it('R28: a refused check fails a transaction whose only write waited for its COMMIT', async () => {
    const refusing = check(false);
    const outcome = asRequest(new PendingCheck(refusing), () =>
      database.transaction(async (tx) => {
        await writeRow.execute(tx, { id: 'a' });
      }),
    );
    await expect(outcome).rejects.toBeInstanceOf(Refused);
    expect(await written()).toEqual([]);
    expect(refusing.judged).toBe(1);
  });

  it('R28: a write outside a transaction is not sent before the check says yes', async () => {
    const refusing = check(false);
    const outcome = asRequest(new PendingCheck(refusing), () =>
      writeRow.execute(database.db, { id: 'c' }),
    );
    await expect(outcome).rejects.toBeInstanceOf(Refused);
    expect(await written()).toEqual([]);
  });

  it('R28: a read inside a transaction gets the refusal, not its rows, and nothing commits', async () => {
    const seen: unknown[] = [];
    const outcome = asRequest(new PendingCheck(check(false)), () =>
      database.transaction(async (tx) => {
        const { rows } = await sql`select 1 as one`.execute(tx);
        seen.push(...rows);
        await writeRow.execute(tx, { id: 'd' });
      }),
    );
    await expect(outcome).rejects.toBeInstanceOf(Refused);
    expect(seen).toEqual([]);
    expect(await written()).toEqual([]);
  });

  it('a check that says yes lets the request through, judged once for all its statements', async () => {
    const passing = check(true);
    const pending = new PendingCheck(passing);
    await asRequest(pending, async () => {
      await database.transaction(async (tx) => {
        await writeRow.execute(tx, { id: 'e' });
        await sql`select 1`.execute(tx);
        await writeRow.execute(tx, { id: 'f' });
      });
      await writeRow.execute(database.db, { id: 'g' });
    });
    expect(await written()).toEqual(['e', 'f', 'g']);
    expect(passing.judged).toBe(1);
    await expect(pending.settled()).resolves.toBeUndefined();
  });

  it('a check no statement carried runs alone when asked for its outcome', async () => {
    const refusing = check(false);
    const pending = new PendingCheck(refusing);
    expect(pending.sent).toBe(false);
    await expect(pending.settled()).rejects.toBeInstanceOf(Refused);
    expect(refusing.judged).toBe(1);
  });
});
