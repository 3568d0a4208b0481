/** `rapport admin grant|revoke HANDLE` and `rapport invite-codes create` (R31, R32). */
import type { Config } from '../config.js';
import { DomainError } from '../lib/errors.js';
import type { AdminService } from '../modules/admin/admin.service.js';
import { withContext } from './command.context.js';

type Out = { write(text: string): unknown };

function withAdmin<T>(config: Config, fn: (admin: AdminService) => Promise<T>): Promise<T> {
  return withContext(config, (ctx) => fn(ctx.admin), { setUp: true });
}

export async function adminCommand(
  config: Config,
  args: string[],
  out: Out = process.stdout,
  err: Out = process.stderr,
): Promise<number> {
  const [action, handle] = args;
  if ((action !== 'grant' && action !== 'revoke') || !handle || args.length > 2) {
    err.write('Usage: rapport admin grant HANDLE | rapport admin revoke HANDLE\n');
    return 2;
  }
  let changed: boolean;
  try {
    changed = await withAdmin(config, (admin) =>
      admin.setRole(handle, action === 'grant' ? 'admin' : 'member'),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  }
  const said = {
    grant: changed ? 'is now an admin' : 'is already an admin; nothing changed',
    revoke: changed ? 'is no longer an admin' : 'is not an admin; nothing changed',
  };
  out.write(`${handle} ${said[action]}.\n`);
  return 0;
}

export async function inviteCodesCommand(
  config: Config,
  args: string[],
  flags: { uses?: string; expires?: string },
  out: Out = process.stdout,
  err: Out = process.stderr,
): Promise<number> {
  const uses = Number(flags.uses ?? '1');
  const days = /^(\d{1,3})d?$/.exec(flags.expires ?? '7d');
  if (args[0] !== 'create' || args.length > 1) {
    err.write('Usage: rapport invite-codes create [--uses N] [--expires 7d]\n');
    return 2;
  }
  if (!Number.isInteger(uses) || uses < 1 || uses > 10_000) {
    err.write(`--uses must be a whole number from 1 to 10000, got "${flags.uses}"\n`);
    return 2;
  }
  if (!days || Number(days[1]) < 1 || Number(days[1]) > 365) {
    err.write(`--expires must be a number of days from 1d to 365d, got "${flags.expires}"\n`);
    return 2;
  }
  await withAdmin(config, async (admin) => {
    const code = await admin.createInviteCode(null, {
      maxUses: uses,
      expiresInDays: Number(days[1]),
    });
    // The code alone on stdout, so that CODE=$(rapport invite-codes create) takes just it.
    out.write(`${code.code}\n`);
    err.write(`${code.maxUses} use${code.maxUses === 1 ? '' : 's'}, expires ${code.expiresAt}\n`);
  });
  return 0;
}
