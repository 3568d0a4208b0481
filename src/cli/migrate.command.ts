import type { Config } from '../config.js';
import { withContext } from './command.context.js';

/** `rapport migrate`: the schema brought up to date before new app processes start. */
export async function migrateCommand(config: Config): Promise<number> {
  const applied = await withContext(config, (ctx) => Promise.resolve(ctx.migrated));
  process.stdout.write(
    applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date.\n',
  );
  return 0;
}
