#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=2 --heap-growing-percent=30
// Without a bound V8 grows its young generation to 32 MB under load, a sixth of the server's
// resident memory, for garbage that lives no longer than a request. And it lets the old
// generation grow to three times what survived the last full collection before the next one:
// about 30 MB live became 100 MB resident under the bench's writes; at 1.3 times the server
// stays under 150 MB with no loss of throughput. glibc gives each thread that allocates (the
// checkpointer, the thread pool hashing passwords) a heap arena of its own that never shrinks;
// two arenas kept the bench's writes 3-4 MB lower (139-140 MB peak against 135-137).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ADMIN_HELP, adminCommand, inviteCodesCommand } from './admin.command.js';
import { BACKUP_HELP, backupCommand, restoreCommand } from './backup.command.js';
import {
  CONFIG_VARIABLES,
  ConfigError,
  loadConfig,
  RULE_DEFAULTS,
  ruleVariable,
  unknownSettingWarnings,
} from '../config.js';
import { CLEANUP_HELP, cleanupCommand } from './cleanup.command.js';
import { EXPORT_HELP, exportCommand } from './export.command.js';
import { MAIL_HELP, mailCommand } from './mail.command.js';
import { MIGRATE_HELP, migrateCommand } from './migrate.command.js';
import { SEED_HELP, seedCommand } from './seed.command.js';
import { SERVE_HELP, serve } from './serve.command.js';
import { WORKER_HELP, work } from './worker.command.js';

const HELP = `rapport — a self-hostable professional network

Usage: rapport <command> [options]

Commands:
${SERVE_HELP}
${WORKER_HELP}
${MAIL_HELP}
${MIGRATE_HELP}
${SEED_HELP}
${CLEANUP_HELP}
${EXPORT_HELP}
${ADMIN_HELP}
${BACKUP_HELP}
  help       show this help

Configuration is read from the environment:
${[
  ...CONFIG_VARIABLES.map((v) => `  ${v.name.padEnd(40)} ${v.meaning} (default ${v.default})`),
  ...Object.entries(RULE_DEFAULTS).map(
    ([key, value]) =>
      `  ${ruleVariable(key).padEnd(40)} rule ${key} (default ${Array.isArray(value) ? value.join(',') : value})`,
  ),
].join('\n')}
`;

/** Every command's options: each command reads the ones it takes (TAKES). */
const OPTIONS = {
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

type Option = keyof typeof OPTIONS;

/** The options each command takes besides --help; any other is refused, never ignored. */
const TAKES: Record<string, readonly Option[]> = {
  serve: [],
  worker: [],
  migrate: [],
  admin: [],
  backup: [],
  restore: [],
  mail: ['limit'],
  cleanup: ['older-than', 'dry-run', 'member', 'all', 'kind'],
  export: ['member'],
  seed: ['members', 'invitations', 'connections'],
  'invite-codes': ['uses', 'expires'],
};

/** The first option given that `command`, a known one, does not take. */
function foreignOption(command: string, given: object): string | undefined {
  const takes = TAKES[command];
  if (!takes) return undefined;
  const allowed = new Set<string>(['help', ...takes]);
  return Object.keys(given).find((name) => !allowed.has(name));
}

/** Tells the operator what is wrong with the command line, and exits with code 2. */
function refuseCommandLine(message: string): void {
  process.stderr.write(`${message}\nRun "rapport help" for the commands and their options.\n`);
  process.exitCode = 2;
}

/** The command line's words, or null once a mistyped option has been refused. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    refuseCommandLine(error.message);
    return null;
  }
}

/** Reads the command line, loads the configuration once and runs one command. */
async function main(argv: string[]): Promise<void> {
  const args = readArgs(argv);
  if (!args) return;
  const { positionals, values } = args;
  const command = positionals[0] ?? 'help';
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const foreign = foreignOption(command, values);
  if (foreign) {
    refuseCommandLine(`rapport ${command} does not take --${foreign}.`);
    return;
  }
  const config = loadConfig();
  for (const warning of unknownSettingWarnings()) process.stderr.write(`Warning: ${warning}\n`);
  switch (command) {
    case 'serve':
      return serve(config);
    case 'worker':
      return work(config);
    case 'mail':
      process.exitCode = await mailCommand(config, positionals.slice(1), values.limit);
      return;
    case 'cleanup':
      process.exitCode = await cleanupCommand(config, values);
      return;
    case 'export':
      process.exitCode = await exportCommand(config, values.member);
      return;
    case 'migrate':
      process.exitCode = await migrateCommand(config);
      return;
    case 'seed':
      process.exitCode = await seedCommand(config, values);
      return;
    case 'admin':
      process.exitCode = await adminCommand(config, positionals.slice(1));
      return;
    case 'invite-codes':
      process.exitCode = await inviteCodesCommand(config, positionals.slice(1), values);
      return;
    case 'backup':
      process.exitCode = await backupCommand(config, positionals[1]);
      return;
    case 'restore':
      process.exitCode = await restoreCommand(config, positionals[1]);
      return;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
      process.exitCode = 2;
  }
}

// A reader that stops early (`rapport export --member ann | head`) has all it wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
