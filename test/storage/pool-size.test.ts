/**
 * On PostgreSQL each process keeps a pool of RAPPORT_DATABASE_POOL_SIZE connections, twice its
 * CPUs and one unless told: transactions beyond it wait for a connection instead of opening one.
 */
import { availableParallelism } from 'node:os';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type AppContext, createContext } from '../../src/context.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

const postgres = testDialect() === 'postgres';
let throwaway: ThrowawayDatabase;
let ctx: AppContext | undefined;

beforeEach(async () => {
  if (postgres) throwaway = await createThrowawayDatabase();
});

afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
  if (postgres) await throwaway.drop();
});

/** The distinct backends that `count` transactions, all begun at once, ran on. */
async function backendsOf(context: AppContext, count: number): Promise<number> {
  const pids = await Promise.all(
    Array.from({ length: count }, () =>
      context.database.transaction(async (tx) => {
        // Held long enough that every transaction is begun while the others still run.
        await sql`select pg_sleep(0.1)`.execute(tx);
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
        return rows[0]?.pid;
      }),
    ),
  );
  return new Set(pids).size;
}

async function open(poolSize?: string): Promise<AppContext> {
  ctx = await createContext(
    loadConfig({
      RAPPORT_DATABASE_URL: throwaway.url,
      RAPPORT_LOG_LEVEL: 'silent',
      RAPPORT_JOBS: 'off',
      ...(poolSize ? { RAPPORT_DATABASE_POOL_SIZE: poolSize } : {}),
    }),
  );
  return ctx;
}

it.skipIf(!postgres)('RAPPORT_DATABASE_POOL_SIZE bounds the connections of a process', async () => {
  expect(await backendsOf(await open('2'), 6)).toBe(2);
});

it.skipIf(!postgres)('the pool is twice the CPUs and one unless told', async () => {
  const size = 2 * availableParallelism() + 1;
  expect(await backendsOf(await open(), size + 3)).toBe(size);
});

it('RAPPORT_DATABASE_POOL_SIZE is checked at start', () => {
  for (const wrong of ['0', 'ten', '2.5'])
    expect(() => loadConfig({ RAPPORT_DATABASE_POOL_SIZE: wrong })).toThrow(
      /RAPPORT_DATABASE_POOL_SIZE must be a whole number from 1/,
    );
  expect(loadConfig({}).databasePoolSize).toBeNull();
  expect(loadConfig({ RAPPORT_DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
});
