#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=2 --heap-growing-percent=30
// Without a bound V8 grows its young generation to 32 MB under load, a sixth of the server's
// resident memory, for garbage that lives no longer than a request. And it lets the old
// generation grow to three times what survived the last full collection before the next one:
// about 30 MB live became 100 MB resident under the bench's writes; at 1.3 times the server
// stays under 150 MB with no loss of throughput. glibc gives each thread that allocates (the
// checkpointer, the thread pool hashing passwords) a heap arena of its own that never shrinks;
// two arenas kept the bench's writes 3-4 MB lower (139-140 MB peak against 135-137).
import { parseArgs } from 'node:util';
import {
  CONFIG_VARIABLES,
  ConfigError,
  loadConfig,
  RULE_DEFAULTS,
  ruleVariable,
  unknownSettingWarnings,
} from '../config.js';
import { isUnusableDatabase } from '../db/errors.js';
import { commandNamed, COMMANDS, OPTIONS } from './commands.js';

const HELP = `rapport — a self-hostable professional network

Usage: rapport <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => c.help)
  .join('\n')}
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

/** The first option given that `command`, a known one, does not take. */
function foreignOption(command: string, given: object): string | undefined {
  const takes = commandNamed(command)?.takes;
  if (!takes) return undefined;
  const allowed = new Set<string>(['help', ...takes]);
  return Object.keys(given).find((name) => !allowed.has(name));
}

/** "rapport seed does not take --bogus; it takes --members, --invitations or --connections." */
function foreignOptionMessage(command: string, option: string): string {
  const takes = commandNamed(command)?.takes.map(dashed) ?? [];
  const list =
    takes.length > 1 ? `${takes.slice(0, -1).join(', ')} or ${takes.at(-1) ?? ''}` : takes[0];
  return `rapport ${command} does not take ${dashed(option)}; ${list ? `it takes ${list}` : 'it takes no options'}.`;
}

/** An option as it is typed: -h, --members. */
function dashed(option: string): string {
  return option.length === 1 ? `-${option}` : `--${option}`;
}

/** "rapport backup takes one word after its name, not 2: "a" "b"." */
function tooManyWords(command: string, most: number, words: string[]): string {
  const allowed = ['no words', 'one word'][most] ?? `at most ${most} words`;
  const given = words.map((word) => `"${word}"`).join(' ');
  return `rapport ${command} takes ${allowed} after its name, not ${words.length}: ${given}.`;
}

/** Tells the operator what is wrong with the command line, and exits with code 2. */
function refuseCommandLine(message: string): void {
  process.stderr.write(`${message}\nRun "rapport help" for the commands and their options.\n`);
  process.exitCode = 2;
}

/** The options that take a value, which a lenient reading leaves `true` when it is missing. */
const TAKING_VALUES = new Set(
  Object.entries(OPTIONS).flatMap(([name, o]) => (o.type === 'string' ? [name] : [])),
);

/**
 * What a command line that the strict reading refused gets wrong, in the words of the command
 * it was meant for; read again leniently to learn which command and option that was.
 */
function commandLineMistake(argv: string[], refusal: TypeError): string {
  const loose = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, strict: false });
  const command = loose.positionals[0];
  if (command !== undefined && !commandNamed(command)) return `Unknown command "${command}".`;
  const foreign =
    command === undefined
      ? Object.keys(loose.values).find((name) => !Object.hasOwn(OPTIONS, name))
      : foreignOption(command, loose.values);
  if (foreign !== undefined) {
    return command === undefined
      ? `Unknown option ${dashed(foreign)}.`
      : foreignOptionMessage(command, foreign);
  }
  const valueless = Object.entries(loose.values).find(
    ([name, value]) => value === true && TAKING_VALUES.has(name),
  );
  if (valueless) return `--${valueless[0]} needs a value, as in --${valueless[0]} VALUE.`;
  return refusal.message;
}

/**
 * An option given twice, as in `--older-than 14 --older-than 30`: the reading keeps the last
 * value, which may not be the one meant, so the command runs with neither.
 */
function repeatedOption(tokens: { kind: string; name?: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    if (seen.has(token.name)) return token.name;
    seen.add(token.name);
  }
  return undefined;
}

/** The command line's words, or null once a mistyped option has been refused. */
function readArgs(argv: string[]) {
  try {
    const args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, tokens: true });
    const repeated = repeatedOption(args.tokens);
    if (repeated === undefined) return args;
    refuseCommandLine(`${dashed(repeated)} is given more than once; give it once.`);
    return null;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    refuseCommandLine(commandLineMistake(argv, error));
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
    refuseCommandLine(foreignOptionMessage(command, foreign));
    return;
  }
  const known = commandNamed(command);
  if (!known) {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const words = positionals.slice(1);
  if (words.length > known.words) {
    refuseCommandLine(tooManyWords(command, known.words, words));
    return;
  }
  const config = loadConfig();
  for (const warning of unknownSettingWarnings()) process.stderr.write(`Warning: ${warning}\n`);
  const code = await known.run(config, words, values);
  if (code !== undefined) process.exitCode = code;
}

// A reader that stops early (`rapport export --member ann | head`) has all it wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (isUnusableDatabase(error) && error instanceof Error) {
    // The operator's to mend, as a wrong setting is: words, not a stack. The URL itself is not
    // repeated, since it may hold a password.
    process.stderr.write(
      `The database that RAPPORT_DATABASE_URL names cannot be used: ${error.message}\n`,
    );
  } else {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
