/** `rapport export --member HANDLE`: a member's data (R30), as GET /me/export gives it, on stdout. */
import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { exportAccount } from '../modules/accounts/account.export.js';
import { anyMemberWithHandle } from '../modules/members/member.service.js';
import { withContext } from './command.context.js';

export interface ExportIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  clock?: Clock;
}

export async function exportCommand(
  config: Config,
  handle: string | undefined,
  io: ExportIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  if (!handle) {
    io.err.write('Say whose data: rapport export --member HANDLE\n');
    return 2;
  }
  return withContext(
    config,
    async (ctx) => {
      // A suspended member's data is theirs too, and the operator is the one who can hand it over.
      const member = await anyMemberWithHandle(ctx.database.db, handle).executeTakeFirst();
      if (!member) {
        io.err.write(`No member has the handle "${handle}".\n`);
        return 1;
      }
      const pieces = exportAccount(ctx, member.id, ctx.clock.now(), member.suspended_at !== null);
      for await (const piece of pieces) io.out.write(piece);
      return 0;
    },
    { clock: io.clock, setUp: true },
  );
}
