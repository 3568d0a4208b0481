import { existsSync } from 'node:fs';
import { type Config, ConfigError } from '../config.js';
import { type AppContext, createContext } from '../context.js';
import { holdsRapport } from '../db/database.js';
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

/** Refuses a SQLite URL that names no file, before opening it would create one. */
function requireFile(url: string): void {
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : null;
  if (file !== null && file !== ':memory:' && !existsSync(file)) {
    throw new ConfigError([
      `RAPPORT_DATABASE_URL names ${file}, where there is no database; ${SET_UP}.`,
    ]);
  }
}

/** Refuses, before anything is migrated there, a database Rapport has not set up. */
async function requireSetUp(db: Db): Promise<void> {
  if (!(await holdsRapport(db))) {
    throw new ConfigError([
      `RAPPORT_DATABASE_URL names a database that holds no Rapport data; ${SET_UP}.`,
    ]);
  }
}

/** How every command gets what it needs: the database opened and migrated, the context built on it. */
export function openContext(
  config: Config,
  options: CommandContextOptions = {},
): Promise<AppContext> {
  if (options.setUp) requireFile(config.databaseUrl);
  return createContext(options.quiet ? { ...config, logLevel: 'silent' } : config, {
    clock: options.clock,
    beforeMigrating: options.setUp ? requireSetUp : undefined,
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
