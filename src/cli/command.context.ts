import type { Config } from '../config.js';
import { type AppContext, createContext } from '../context.js';
import type { Clock } from '../lib/clock.js';

interface CommandContextOptions {
  /** One-shot commands print their own lines; only `serve` and `worker` log. */
  quiet?: boolean;
  /** The clock a test drives; the system clock otherwise. */
  clock?: Clock;
}

/** How every command gets what it needs: the database opened and migrated, the context built on it. */
export function openContext(
  config: Config,
  options: CommandContextOptions = {},
): Promise<AppContext> {
  return createContext(options.quiet ? { ...config, logLevel: 'silent' } : config, {
    clock: options.clock,
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
