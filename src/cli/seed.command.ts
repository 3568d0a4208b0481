import type { Config } from '../config.js';
import { systemClock } from '../lib/clock.js';
import { countMembers } from '../modules/members/member.repository.js';
import { seedDemo } from '../seed/demo.js';
import { generateNetwork, SEED_PASSWORD } from '../seed/generate.js';
import { progressBar } from '../seed/generate.progress.js';
import { withContext } from './command.context.js';

interface GenerateFlags {
  members?: string;
  invitations?: string;
  connections?: string;
}

function count(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0 || value > 100_000_000) {
    throw new Error(`--${name} must be a whole number from 0 to 100000000, got "${raw}"`);
  }
  return value;
}

/** Runs `rapport seed`: the demo network, or with generator options a large one; returns the exit code. */
export async function seedCommand(config: Config, flags: GenerateFlags): Promise<number> {
  if ((flags.members ?? flags.invitations ?? flags.connections) === undefined) {
    const seeded = await withContext(config, (ctx) => seedDemo(ctx.database, config));
    process.stdout.write(
      seeded ? 'Demo network added.\n' : 'The database already has members; nothing added.\n',
    );
    return 0;
  }
  return generateCommand(config, flags);
}

async function generateCommand(config: Config, flags: GenerateFlags): Promise<number> {
  let members: number | undefined;
  let invitations: number | undefined;
  let connections: number | undefined;
  try {
    members = count('members', flags.members);
    invitations = count('invitations', flags.invitations);
    connections = count('connections', flags.connections);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  members ??= Math.max(2, Math.round((invitations ?? 0) / 10));
  invitations ??= members * 10;
  if (members < 2) {
    process.stderr.write('--members must be at least 2.\n');
    return 2;
  }

  const summary = await withContext(config, async (ctx) =>
    // Its members all share one known password: in a database with members already, that
    // would be accounts anyone can sign in to, among real ones.
    (await countMembers(ctx.database.db)) > 0
      ? null
      : generateNetwork({
          databaseUrl: config.databaseUrl,
          members,
          invitations,
          connections,
          rules: config.rules,
          now: systemClock.now(),
          progress: progressBar(),
        }),
  );
  if (!summary) {
    process.stderr.write(
      'The database already has members; a network is generated only into an empty one.\n',
    );
    return 1;
  }
  const statuses = Object.entries(summary.byStatus)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const kinds = Object.entries(summary.byKind)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  process.stdout.write(
    [
      `Generated in ${summary.seconds.toFixed(1)} s: ${summary.members} members, ${summary.connections} connections,`,
      `${summary.invitations} invitations (${statuses}; ${kinds}),`,
      `${summary.notifications} notifications, ${summary.pages} pages, ${summary.events} events.`,
      `Every member's password is "${SEED_PASSWORD}"; the most connected is ${summary.mostConnected.email} (${summary.mostConnected.connections} connections).`,
      ...shortfalls({ invitations, connections }, summary),
      '',
    ].join('\n'),
  );
  return 0;
}

/** Below this share of what was asked, a count the network came short of is worth a line. */
const NEARLY = 0.99;

/**
 * A line for each count the network came well short of, so that the operator learns it from
 * the command rather than from the lists; a few fewer of hundreds of thousands is the draw's.
 */
function shortfalls(
  asked: { invitations: number; connections: number | undefined },
  made: { invitations: number; connections: number },
): string[] {
  return (['invitations', 'connections'] as const).flatMap((what) => {
    const wanted = asked[what];
    if (wanted === undefined || made[what] >= wanted * NEARLY) return [];
    return [
      `Made ${made[what]} of the ${wanted} ${what} asked for: each member's share is drawn by chance within the rules (the weekly limit, one open invitation a pair), and few members leave little room.`,
    ];
  });
}
