/**
 * A clean-up's transaction runs with a wider page cache on SQLite (Database.withRoomForMany),
 * and gives the room back however it ends, once the last clean-up running at once has ended.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import type { Schema } from '../../src/db/schema.js';
import type { Database } from '../../src/db/types.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

describe.runIf(testDialect() === 'sqlite')('room for many rows (sqlite)', () => {
  let throwaway: ThrowawayDatabase;
  let database: Database;

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase('sqlite');
    database = openDatabase(throwaway.url);
  });

  afterAll(async () => {
    await database?.close();
    await throwaway?.drop();
  });

  /** SQLite's page cache in KB, read through `db` or the transaction that holds its connection. */
  async function cacheKb(db: Kysely<Schema> = database.db): Promise<number> {
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
    return -(rows[0]?.cache_size ?? 0);
  }

  it('a transaction given room for many rows runs with a cache four times as wide, and gives it back when it ends', async () => {
    const usual = await cacheKb();
    expect(usual).toBe(8192);
    const inside = await database.withRoomForMany(() => database.transaction((tx) => cacheKb(tx)));
    expect(inside).toBe(4 * usual);
    expect(await cacheKb()).toBe(usual);
  });

  it('the room is given back when the work fails, and only once the last of two at once ends', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const long = database.withRoomForMany(() => held);
    const failed = database.withRoomForMany(() => Promise.reject(new Error('refused')));
    await expect(failed).rejects.toThrow('refused');
    expect(await cacheKb()).toBe(32768);
    release();
    await long;
    expect(await cacheKb()).toBe(8192);
  });
});
