#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ADMIN_HELP, adminCommand, inviteCodesCommand } from './cli/admin.command.js';
import { BACKUP_HELP, backupCommand, restoreCommand } from './cli/backup.command.js';
import { CLEANUP_HELP, cleanupCommand } from './cli/cleanup.command.js';
import {
  CONFIG_VARIABLES,
  ConfigError,
  loadConfig,
  RULE_DEFAULTS,
  ruleVariable,
} from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { work } from './jobs/worker.js';
import { serve } from './main.js';
import { mailCommand } from './modules/outbox/outbox.cli.js';
import { seedDemo } from './seed/demo.js';
import { GENERATE_HELP, generateCommand } from './seed/generate.command.js';

const HELP = `rapport — a self-hostable professional network

Usage: rapport <command> [options]

Commands:
  serve      start the web app and API (runs migrations first)
  worker     run the jobs (expiry, reminders, mail delivery) without HTTP; for RAPPORT_JOBS=off
  mail list [--limit N] | mail show <id>
             the newest mails in the outbox, or one with its text
  migrate    apply database migrations and exit
  seed       add the demo network to an empty database
${GENERATE_HELP}
${CLEANUP_HELP}
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

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
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
    },
  });
  const command = positionals[0] ?? 'help';
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const config = loadConfig();
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
    case 'migrate': {
      const database = openDatabase(config.databaseUrl);
      const applied = await migrateToLatest(database.db);
      process.stdout.write(
        applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date.\n',
      );
      return database.close();
    }
    case 'seed': {
      if ((values.members ?? values.invitations ?? values.connections) !== undefined) {
        process.exitCode = await generateCommand(config, values);
        return;
      }
      const database = openDatabase(config.databaseUrl);
      await migrateToLatest(database.db);
      const seeded = await seedDemo(database, config);
      process.stdout.write(
        seeded ? 'Demo network added.\n' : 'The database already has members; nothing added.\n',
      );
      return database.close();
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
      process.exitCode = 2;
  }
}

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
