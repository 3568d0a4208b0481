import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { type Config, ConfigError } from '../config.js';
import { type AppContext, createContext } from '../context.js';
import { holdsRapport, sqliteHoldsRapport } from '../db/database.js';
import type { Db } from '../db/types.js';
import type { Clock } from '../lib/clock.js';

interface CommandContextOptions {
  /** One-shot commands print their own lines; only `serve` and `worker` log. */
  quiet?: boolean;
  /** The clock a test drives; the system clock otherwise. */
  clock?: Clock;
  /**
   * For a command that works on an instance already there: a database Rapport has not set up
   * is refused, not created or migrated where a mistyped URL points.
   */
  setUp?: boolean;
}

const SET_UP = '`rapport migrate` (or `rapport serve`) sets one up';

function notSetUp(): ConfigError {
  return new ConfigError([
    `RAPPORT_DATABASE_URL names a database that holds no Rapport data; ${SET_UP}.`,
  ]);
}

/**
 * Refuses a SQLite file that is missing or that Rapport has not set up, read without writing:
 * opening it as Rapport does would create a missing one and switch another program's to the WAL
 * journal for good.
 */
function requireSqliteSetUp(file: string): void {
  if (!existsSync(file)) {
    throw new ConfigError([
      `RAPPORT_DATABASE_URL names ${file}, where there is no database; ${SET_UP}.`,
    ]);
  }
  const sqlite = new SqliteDatabase(file, { readonly: true });
  try {
    if (!sqliteHoldsRapport(sqlite)) throw notSetUp();
  } finally {
    sqlite.close();
  }
}

/** Refuses, before anything is migrated there, a database Rapport has not set up. */
async function requireSetUp(db: Db): Promise<void> {
  if (!(await holdsRapport(db))) throw notSetUp();
}

/** How every command gets what it needs: the database opened and migrated, the context built on it. */
export function openContext(
  config: Config,
  options: CommandContextOptions = {},
): Promise<AppContext> {
  const sqliteFile = config.databaseUrl.startsWith('sqlite:')
    ? config.databaseUrl.slice('sqlite:'.length)
    : null;
  const checkFile = options.setUp && sqliteFile !== null && sqliteFile !== ':memory:';
  if (checkFile) requireSqliteSetUp(sqliteFile);
  return createContext(options.quiet ? { ...config, logLevel: 'silent' } : config, {
    clock: options.clock,
    beforeMigrating: options.setUp && !checkFile ? requireSetUp : undefined,
  });
}

/** A one-shot command: its context is closed when it is done, whatever happened. */
export async function withContext<T>(
  config: Config,
  run: (ctx: AppContext) => Promise<T>,
  options: Omit<CommandContextOptions, 'quiet'> = {},
): Promise<T> {
  const ctx = await openContext(config, { ...options, quiet: true });
  try {
    return await run(ctx);
  } finally {
    await ctx.close();
  }
}
