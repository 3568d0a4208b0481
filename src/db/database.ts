import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type LogConfig,
  Migrator,
  PostgresDialect,
  type QueryCompiler,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  SqliteQueryCompiler,
  type SelectModifierNode,
} from 'kysely';
import type * as Pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Schema } from './schema.js';
import { requireWhenNeeded } from '../lib/require-when-needed.js';
import { isRetryableConflict } from './errors.js';
import { GroupCommit } from './group-commit.js';
import { withNamedStatements } from './postgres-named-statements.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { waitingOutLock } from './sqlite-lock-wait.js';
import { withStatementCache } from './sqlite-statements.js';
import { WalSync } from './wal-sync.js';
import type { Database, Db, SqliteSynchronous } from './types.js';

const ROW_LOCKS = new Set([
  'ForUpdate',
  'ForNoKeyUpdate',
  'ForShare',
  'ForKeyShare',
  'NoWait',
  'SkipLocked',
]);

/**
 * SQLite has one writer and no row locks: a transaction already excludes every other one, so
 * the row-lock clauses that PostgreSQL needs are left out instead of spread through repositories.
 */
class SqliteCompilerWithoutRowLocks extends SqliteQueryCompiler {
  protected override visitSelectModifier(node: SelectModifierNode): void {
    if (node.modifier && ROW_LOCKS.has(node.modifier)) return;
    super.visitSelectModifier(node);
  }
}

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');

/** Statements that write nothing: no sync after them. */
const READS = /^\s*(select|pragma|begin|explain)\b/i;

const BEGIN = /^\s*begin\b/i;

interface SqliteOptions {
  /** With `synchronous = full`: the WAL's sync that a write outside a transaction waits for. */
  walSync?: WalSync;
  /** How long a statement waits for another process's write lock (see waitingOutLock). */
  lockWaitMs?: number;
}

/**
 * Every transaction takes SQLite's write lock as it begins, rather than at its first write.
 * While another process holds the lock, a transaction that only reads then fails like one that
 * writes: a password reset for an unknown address answered 202 where a known one answered 503,
 * telling who has an account (R26). And a transaction that read before another process wrote
 * can no longer fail at once on its stale snapshot when it comes to write.
 *
 * SQLite's busy timeout is 0: a statement outside a transaction that finds the lock held waits
 * for it on a timer (waitingOutLock), and a BEGIN fails at once, for its caller to wait without
 * holding the one connection meanwhile (GroupCommit), so that reads go on.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  private waitingConnection?: DatabaseConnection;

  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
    private readonly options: SqliteOptions,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(BEGIN_IMMEDIATE);
  }

  /**
   * A statement outside a transaction that finds the write lock held gives the connection back
   * while it pauses, so that reads go on; it holds no state between its tries. With
   * `synchronous = full`, a write outside any transaction is also answered only once the WAL's
   * sync has ended (see WalSync); group commit waits for its own batches.
   */
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.waitingConnection ??= this.waitingOutLocks(connection);
    return this.waitingConnection;
  }

  private waitingOutLocks(connection: DatabaseConnection): DatabaseConnection {
    const { sqlite } = this;
    const { walSync, lockWaitMs } = this.options;
    const pauseFor = async (ms: number) => {
      await super.releaseConnection();
      await sleep(ms);
      await super.acquireConnection();
    };
    return {
      async executeQuery<R>(query: CompiledQuery) {
        if (sqlite.inTransaction || BEGIN.test(query.sql)) return connection.executeQuery<R>(query);
        const attempt = () => connection.executeQuery<R>(query);
        const result = await waitingOutLock(attempt, lockWaitMs, pauseFor);
        if (walSync && !sqlite.inTransaction && !READS.test(query.sql)) await walSync.sync();
        return result;
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }
}

class RapportSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
    private readonly options: SqliteOptions,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config, this.sqlite, this.options);
  }

  override createQueryCompiler(): QueryCompiler {
    return new SqliteCompilerWithoutRowLocks();
  }
}

/**
 * What the WAL file is cut back to when SQLite starts it over, once a checkpoint has copied all
 * of it into the database (see openSqlite).
 */
export const SQLITE_WAL_KEPT_BYTES = 16 * 1024 * 1024;

function openSqlite(
  file: string,
  synchronous: SqliteSynchronous,
  lockWaitMs: number | undefined,
  log?: LogConfig,
): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL keeps every committed transaction across a process crash; only a power loss can lose
  // the last ones. FULL also survives a power loss, at one fsync of the WAL per commit, which
  // WalSync makes without blocking this thread, so SQLite itself stays at NORMAL.
  sqlite.pragma('synchronous = NORMAL');
  const walSync =
    synchronous === 'full' && file !== ':memory:' ? new WalSync(`${file}-wal`) : undefined;
  sqlite.pragma('foreign_keys = ON');
  // SQLite starts the WAL over from its beginning once a checkpoint has copied all of it, and
  // the file keeps the size it grew to: past its bound under a steady stream of writes, or without
  // bound while another connection reads an old snapshot (see sqlite-checkpointer.ts). A WAL
  // frame is 24 bytes longer than a page, so overwriting an old frame makes the OS read the two
  // pages it straddles back from the disk when it no longer caches them: in the bench's second
  // and third rounds the server read 200 MB from the disk each, and an accept took 0.53 ms of CPU
  // instead of 0.41. Cut back at the restart, the WAL grows anew instead.
  sqlite.pragma(`journal_size_limit = ${SQLITE_WAL_KEPT_BYTES}`);
  // Another process's write lock is waited for on a timer instead (see ImmediateSqliteDriver).
  sqlite.pragma('busy_timeout = 0');
  // Group commit gives each request a savepoint, and SQLite keeps the pages a savepoint may
  // have to restore in a statement journal, spilled to a temporary file past 64 KB: in memory
  // instead, an accept costs 20 % less CPU. The journal lives only until the savepoint ends.
  sqlite.pragma('temp_store = MEMORY');
  // SQLite's default page cache is 2 MB. A clean-up of 10,000 invitations changed eight index
  // entries of each (seven since migration 0020), and in 2 MB it read the same pages back from
  // the OS again and again: with 8 MB the request took 540–590 ms of CPU instead of 720–770, for
  // at most 6 MB more memory. A clean-up widens it further while it runs (withRoomForMany).
  sqlite.pragma(`cache_size = -${CACHE_KB}`);
  // Past cache_size, SQLite writes a transaction's dirty pages to the WAL before its COMMIT and
  // reads them back when they change again: the clean-up of 10,000 dirties about 4,000 pages
  // (16 MB). Up to 8,192 pages (32 MB at 4 KB) they wait for the COMMIT instead, which took its
  // median from 560–580 ms of CPU to 510; a request that dirties a few pages is not affected.
  sqlite.pragma('cache_spill = 8192');
  // SQLite's own lower() folds ASCII letters only; searches by name fold every script, as
  // PostgreSQL's lower() does, so "zoë" finds "ZOË" on both.
  sqlite.function('lower', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );
  const db = new Kysely<Schema>({
    dialect: new RapportSqliteDialect({ database: withStatementCache(sqlite) }, sqlite, {
      walSync,
      lockWaitMs,
    }),
    log,
  });
  const checkpointer = file === ':memory:' ? null : startCheckpointer(sqlite, file);
  const groupCommit = new GroupCommit(db, {
    durable: walSync && (() => walSync.sync()),
    lockWaitMs,
    walCaughtUp: checkpointer ? () => checkpointer.caughtUp() : undefined,
  });
  return {
    db,
    dialect: 'sqlite',
    transaction: (fn) => groupCommit.transaction(fn),
    withRoomForMany: widenedCache(sqlite),
    async close() {
      await checkpointer?.stop();
      await walSync?.close();
      await db.destroy();
    },
  };
}

const CACHE_KB = 8192;
const WIDE_CACHE_KB = 32768;

/**
 * Runs its function with SQLite's page cache at WIDE_CACHE_KB, given back to CACHE_KB when the
 * last of the functions running at once ends. The clean-up of 10,000 reads index pages that it
 * changes again later; at 8 MB they had left the cache meanwhile. Nine alternating clean-ups
 * each took 310–470 ms of CPU (median 400) against 340–580 (430), the first after a start
 * 470 against 540–580, and the process's peak memory did not grow: the dirty pages that fill
 * most of the room were already kept until the COMMIT (cache_spill).
 */
function widenedCache(sqlite: SqliteDatabase.Database): Database['withRoomForMany'] {
  let running = 0;
  return async (fn) => {
    if (running++ === 0) sqlite.pragma(`cache_size = -${WIDE_CACHE_KB}`);
    try {
      return await fn();
    } finally {
      if (--running === 0 && sqlite.open) sqlite.pragma(`cache_size = -${CACHE_KB}`);
    }
  };
}

const MAX_TRANSACTION_ATTEMPTS = 8;

/**
 * Connections a process keeps to PostgreSQL unless told (RAPPORT_DATABASE_POOL_SIZE): twice its
 * CPUs and one, as Prisma sizes its pools. More transactions in flight than that do not finish
 * sooner; their backends take turns on the CPUs, and each connection prepares every statement
 * once more. With PostgreSQL on the same 2 cores, in alternating runs of the bench, a pool of 5
 * served sends and accepts 5–9 % faster than one of 10, at the same or less CPU a request.
 */
export function defaultPoolSize(): number {
  return 2 * availableParallelism() + 1;
}

function openPostgres(url: string, poolSize: number, log?: LogConfig): Database {
  // COUNT(*) and other bigints come back as numbers; no count here comes near 2^53.
  const pg = requireWhenNeeded<typeof Pg>('pg');
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  // A server that does not answer fails the request (503) instead of holding it forever.
  // No JIT: a request's queries run in a millisecond, and compiling one whose estimate crosses
  // jit_above_cost (a mutual count between well-connected members) took over a second.
  // Generic plans: the prepared statements (db/prepared.ts) and list pages are named, each a
  // fixed-shape lookup, write or page by key; left to choose, PostgreSQL planned the accept's and
  // the withdrawal's on every call on half the connections (0.3 and 0.8 ms each, more than running
  // them). A generic plan weighs every member's rows as the average member's, one or two where
  // most members have few invitations, and at the default random_page_cost of 4 it then read a
  // member's whole list and sorted it rather than take a page off the list's index in order:
  // 15 ms a page for a sender with 10,000 open invitations instead of 0.1. At 1.1, the cost of a
  // read from an SSD or the cache, the index's order wins (test/storage/skewed-plans.test.ts).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    options: '-c jit=off -c plan_cache_mode=force_generic_plan -c random_page_cost=1.1',
    // Statements sent together (a BEGIN and the first statement after it, waiting writes and the
    // statement they go before) travel without waiting for each other's answers.
    pipeline: true,
  });
  // An idle connection that the server closes (a restart, or a dropped test database) emits
  // 'error' on the pool; unheard, that would end the process. The pool opens a new one on demand.
  pool.on('error', () => {});
  // The pool listens only to idle connections: one that breaks while lent out (the server or the
  // network gone between two statements of a transaction) would end the process the same way.
  // The statement in flight fails on its own (503), and the pool drops the broken connection.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: withNamedStatements(pool) }),
    log,
  });
  return {
    db,
    dialect: 'postgres',
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(fn);
        } catch (error) {
          if (!isRetryableConflict(error) || attempt >= MAX_TRANSACTION_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        }
      }
    },
    withRoomForMany: (fn) => fn(),
    close: () => db.destroy(),
  };
}

export interface OpenOptions {
  poolSize?: number;
  /** Kysely's query log, for tests that read what the repositories ran. */
  log?: LogConfig;
  /** SQLite's `synchronous` pragma; NORMAL unless asked. */
  sqliteSynchronous?: SqliteSynchronous;
  /** SQLite: how long a write waits for another process's write lock before it fails. */
  sqliteLockWaitMs?: number;
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (url.startsWith('sqlite:'))
    return openSqlite(
      url.slice('sqlite:'.length),
      options.sqliteSynchronous ?? 'normal',
      options.sqliteLockWaitMs,
      options.log,
    );
  return openPostgres(url, options.poolSize ?? defaultPoolSize(), options.log);
}

/** Whether a SQLite file, opened as it is (read-only, a backup's copy), holds Rapport's data. */
export function sqliteHoldsRapport(sqlite: SqliteDatabase.Database): boolean {
  const tables = new Set(
    sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all(),
  );
  return tables.has('kysely_migration') && tables.has('members');
}

/** Whether Rapport has set `db` up: its migrations have run there. */
export async function holdsRapport(db: Db): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.some((table) => table.name === 'kysely_migration');
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
