import type { Config } from '../config.js';
import { withContext } from './command.context.js';

/** `rapport mail list [--limit N]` and `rapport mail show <id>`: the outbox from a terminal. */
export async function mailCommand(
  config: Config,
  args: string[],
  limit: string | undefined,
): Promise<number> {
  const [action, id] = args;
  const count = limit === undefined ? 20 : Number(limit);
  if (action === 'list' && (!Number.isInteger(count) || count < 1 || count > 1000)) {
    process.stderr.write(`--limit must be a whole number from 1 to 1000, got "${limit}"\n`);
    return 2;
  }
  const listing = action === 'list' && id === undefined;
  if (!listing && !(action === 'show' && id)) {
    process.stderr.write('Usage: rapport mail list [--limit N] | rapport mail show <id>\n');
    return 2;
  }
  return withContext(
    config,
    async (ctx) => {
      if (action === 'show' && id) {
        const mail = await ctx.mailbox.show(id);
        if (!mail) {
          process.stderr.write(`There is no mail ${id}.\n`);
          return 1;
        }
        const head = [
          `To: ${mail.to}`,
          `Subject: ${mail.subject}`,
          `Status: ${mail.status}${mail.lastError ? ` (${mail.lastError})` : ''}`,
          ...Object.entries(mail.headers).map(([name, value]) => `${name}: ${value}`),
        ];
        process.stdout.write(`${head.join('\n')}\n\n${mail.text}`);
        return 0;
      }
      const mails = await ctx.mailbox.recent(count);
      if (mails.length === 0) process.stdout.write('The outbox is empty.\n');
      for (const m of mails) {
        const error = m.lastError ? `  [${m.lastError}]` : '';
        process.stdout.write(
          `${m.id}  ${m.createdAt}  ${m.status.padEnd(9)}  ${m.template.padEnd(10)}  ${m.to}  ${m.subject}${error}\n`,
        );
      }
      return 0;
    },
    { setUp: true },
  );
}
