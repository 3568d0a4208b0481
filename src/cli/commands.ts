/**
 * Every `rapport` command: its lines in the help, the options it takes, and what runs it. A
 * command's modules load only when it runs: loading every command's before reading the command
 * line (the whole server among them) made `rapport help`, or the refusal of a mistyped option,
 * take half a second on its own.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';

/** Every command's options: each command reads the ones it takes. */
export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  limit: { type: 'string' },
  members: { type: 'string' },
  invitations: { type: 'string' },
  connections: { type: 'string' },
  'older-than': { type: 'string' },
  'dry-run': { type: 'boolean' },
  member: { type: 'string' },
  all: { type: 'boolean' },
  kind: { type: 'string' },
  uses: { type: 'string' },
  expires: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export type Option = keyof typeof OPTIONS;

/** The options given, as `parseArgs` reads them. */
export type OptionValues = {
  [O in Option]?: (typeof OPTIONS)[O]['type'] extends 'boolean' ? boolean : string;
};

interface Command {
  /** Its lines in `rapport help`. */
  help: string;
  /** The options it takes besides --help; any other is refused, never ignored. */
  takes: readonly Option[];
  /** How many words it takes after its name at most; more are refused, never ignored. */
  words: number;
  /** Runs it with the words after its name; a number is the exit code. */
  run(config: Config, args: string[], values: OptionValues): Promise<number | void>;
}

export const COMMANDS: Record<string, Command> = {
  serve: {
    help: `  serve      start the web app and API (runs migrations first)`,
    takes: [],
    words: 0,
    run: async (config) => (await import('./serve.command.js')).serve(config),
  },
  worker: {
    help: `  worker     run the jobs (expiry, reminders, automatic withdrawal, mail and webhook
             delivery, expiry of idempotency keys) without HTTP; for RAPPORT_JOBS=off`,
    takes: [],
    words: 0,
    run: async (config) => (await import('./worker.command.js')).work(config),
  },
  mail: {
    help: `  mail list [--limit N] | mail show <id>
             the newest mails in the outbox, or one with its text`,
    takes: ['limit'],
    words: 2,
    run: async (config, args, values) =>
      (await import('./mail.command.js')).mailCommand(config, args, values.limit),
  },
  migrate: {
    help: `  migrate    apply database migrations and exit`,
    takes: [],
    words: 0,
    run: async (config) => (await import('./migrate.command.js')).migrateCommand(config),
  },
  seed: {
    help: `  seed       add the demo network to an empty database
  seed --members N --invitations M [--connections K]
             generate a large network instead: power-law connections, invitations of
             every kind and state over six months (default K: 3 for every 10 invitations);
             into an empty database only (its members share one password)`,
    takes: ['members', 'invitations', 'connections'],
    words: 0,
    run: async (config, _args, values) =>
      (await import('./seed.command.js')).seedCommand(config, values),
  },
  cleanup: {
    help: `  cleanup --older-than 14d (--member HANDLE | --all) [--kind connection|page|event] [--dry-run]
             withdraw open invitations sent at least that long ago, with every effect of a
             withdrawal; kept ones are never touched; --dry-run only counts them`,
    takes: ['older-than', 'dry-run', 'member', 'all', 'kind'],
    words: 0,
    run: async (config, _args, values) =>
      (await import('./cleanup.command.js')).cleanupCommand(config, values),
  },
  export: {
    help: `  export --member HANDLE
             write everything Rapport holds about a member, as they may see it, as JSON
             to stdout (what the member downloads from Settings)`,
    takes: ['member'],
    words: 0,
    run: async (config, _args, values) =>
      (await import('./export.command.js')).exportCommand(config, values.member),
  },
  admin: {
    help: `  admin grant HANDLE | admin revoke HANDLE
             give a member the admin role, or take it away (recorded in the audit log)`,
    takes: [],
    words: 2,
    run: async (config, args) => (await import('./admin.command.js')).adminCommand(config, args),
  },
  'invite-codes': {
    help: `  invite-codes create [--uses N] [--expires 7d]
             make an invite code for RAPPORT_REGISTRATION=invite (default 1 use, 7 days)`,
    takes: ['uses', 'expires'],
    words: 1,
    run: async (config, args, values) =>
      (await import('./admin.command.js')).inviteCodesCommand(config, args, values),
  },
  backup: {
    help: `  backup FILE
             write a consistent copy of the SQLite database to FILE while servers run`,
    takes: [],
    words: 1,
    run: async (config, args) =>
      (await import('./backup.command.js')).backupCommand(config, args[0]),
  },
  restore: {
    help: `  restore FILE
             put a backup back in place of the SQLite database; stop every server first`,
    takes: [],
    words: 1,
    run: async (config, args) =>
      (await import('./backup.command.js')).restoreCommand(config, args[0]),
  },
};

/** The command of that name; none for a name that only an object's prototype answers to. */
export function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}
