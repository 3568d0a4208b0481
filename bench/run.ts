/**
 * `npm run bench [-- --quick] [-- --pg] [-- --repeat N] [-- --profile]`
 *
 * Measures, in one run on one machine, Rapport's HTTP API under autocannon load (10
 * connections, real bearer tokens, a real server process) as ratios to baselines measured in
 * the same run: write throughput against a bare Fastify + one-INSERT ceiling, list latency on a
 * big network against a small one, two app processes against one on PostgreSQL. Prints one
 * line per figure and writes everything to bench/results/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  cachedSqliteNetwork,
  copySqlite,
  DATA_DIR,
  dropPgDatabases,
  generatedPgNetwork,
  type Network,
  pgBackendPids,
  pgCopy,
} from './data.js';
import { listLatency } from './latency.js';
import type { LoadResult } from './load.js';
import {
  addPopulation,
  type Population,
  STALE_COUNT,
  viewers,
  type Viewers,
} from './population.js';
import { Recorder } from './recorder.js';
import { loadNote, median, writeResults } from './report.js';
import {
  answer,
  bulkWithdraw,
  ceiling,
  introduce,
  listPage,
  Pairs,
  profile,
  send,
} from './scenarios.js';
import {
  buildServer,
  observe,
  ROOT,
  rssMb,
  type Server,
  startCeiling,
  startRapport,
  stopAll,
} from './servers.js';
import { elementAt } from '../src/lib/arrays.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    pg: { type: 'boolean', default: false },
    repeat: { type: 'string' },
    duration: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const quick = flags.quick ?? false;
// Quick rounds are shorter, not fewer: the median of three and its range is what both print.
const repeat = Number(flags.repeat ?? 3);
const duration = Number(flags.duration ?? (quick ? 4 : 10));
const profileDir = flags.profile ? join(ROOT, 'bench/results/profiles') : undefined;
const SMALL: [number, number] = [2_000, 10_000];
const LARGE: [number, number] = flags.pg
  ? quick
    ? [10_000, 100_000]
    : [100_000, 1_000_000]
  : quick
    ? [25_000, 250_000]
    : [1_000_000, 10_000_000];

const recorder = new Recorder({ quick, repeat, duration });
const { details } = recorder;

/** What one round measures on one set of app processes: the writes, then the reads. */
const SCENARIOS = ['send', 'accept', 'withdraw', 'received-page', 'sent-page', 'profile'] as const;
type Scenario = (typeof SCENARIOS)[number];
const WRITES: readonly Scenario[] = ['send', 'accept', 'withdraw'];

interface Round {
  loads: Record<Scenario, LoadResult>;
  /**
   * The ceiling measured on either side of each write: before the send, between the writes and
   * after the withdrawal. A host's speed can drift by half within a minute, so a write is
   * compared with the ceiling measured just before and just after it, not with one measured a
   * round's length earlier.
   */
  ceilings: LoadResult[];
}

/**
 * Every scenario once on `servers`: send for `seconds`, accept half of what was sent and
 * withdraw the other half, each between two runs of `ceiling` when given, then read each list
 * and profiles for `seconds`.
 */
async function round(
  label: string,
  servers: Server[],
  pairs: Pairs,
  readers: Viewers,
  seconds: number,
  ceiling?: (label: string) => Promise<LoadResult>,
): Promise<Round> {
  const urls = servers.map((s) => s.url);
  const ceilings: LoadResult[] = [];
  const bracket = async (when: string) => {
    if (ceiling) ceilings.push(await ceiling(`ceiling ${when}, ${label}`));
  };
  await bracket('before send');
  const { load: sent, sent: invitations } = await recorder.measured(`${label} send`, servers, () =>
    send(urls, pairs, seconds),
  );
  await bracket('before accept');
  const half = Math.floor(invitations.length / 2);
  const accept = await recorder.measured(`${label} accept`, servers, () =>
    answer(urls, invitations.slice(0, half), 'accept'),
  );
  await bracket('before withdraw');
  const withdraw = await recorder.measured(`${label} withdraw`, servers, () =>
    answer(urls, invitations.slice(half), 'withdraw'),
  );
  await bracket('after withdraw');
  const loads = {
    send: sent,
    accept,
    withdraw,
    'received-page': await recorder.measured(`${label} received-page`, servers, () =>
      listPage(urls, readers.received, 'received', { duration: seconds }),
    ),
    'sent-page': await recorder.measured(`${label} sent-page`, servers, () =>
      listPage(urls, readers.sent, 'sent', { duration: seconds }),
    ),
    profile: await recorder.measured(`${label} profile`, servers, () =>
      profile(urls, readers.profile.viewers, readers.profile.others, seconds),
    ),
  };
  return { loads, ceilings };
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / (values.length || 1);
}

/**
 * The ceiling's rate a scenario of `round` is compared with: for a write, the mean of the runs
 * just before and just after it; for a read, of all the round's runs.
 */
function ceilingFor(round: Round, name: Scenario): number {
  const i = WRITES.indexOf(name);
  const around = i < 0 ? round.ceilings : round.ceilings.slice(i, i + 2);
  return mean(around.map((c) => c.rps));
}

/** Each round's figure against its baseline measured in the same round. */
function perRound(values: number[], baselines: number[]): number[] {
  return values.map((v, i) => (baselines[i] ? v / (baselines[i] ?? 1) : 0));
}

/**
 * The share of the ceiling each write must reach: on SQLite as it ships, with every commit
 * fsynced (`RAPPORT_SQLITE_SYNCHRONOUS=full`, against the same default ceiling), on PostgreSQL.
 */
const WRITE_TARGETS: Partial<Record<Scenario, { min: number }>> = flags.pg
  ? { send: { min: 0.4 }, accept: { min: 0.4 }, withdraw: { min: 0.4 } }
  : process.env.RAPPORT_SQLITE_SYNCHRONOUS === 'full'
    ? { send: { min: 0.5 }, accept: { min: 0.5 }, withdraw: { min: 0.5 } }
    : { send: { min: 0.8 }, accept: { min: 0.6 }, withdraw: { min: 0.8 } };

function throughputFigures(rounds: Round[]): void {
  const ceilingLoads = rounds.flatMap((r) => r.ceilings);
  const ceilings = ceilingLoads.map((c) => c.rps);
  const baseline = { name: 'ceiling', value: median(ceilings) };
  const cpu = median(ceilingLoads.map((c) => c.cpuMsPerRequest ?? 0));
  recorder.print({
    name: 'ceiling',
    value: baseline.value,
    unit: 'req/s',
    samples: ceilings,
    note: `(bare Fastify + one raw INSERT, measured before, between and after the writes of each round; server CPU ${cpu.toFixed(2)} ms/request)`,
  });
  for (const name of SCENARIOS) {
    const runs = rounds.map((r) => r.loads[name]);
    const rates = runs.map((r) => r.rps);
    const last = elementAt(runs, runs.length - 1);
    recorder.print({
      name,
      value: median(rates),
      unit: 'req/s',
      baseline,
      ratios: perRound(
        rates,
        rounds.map((r) => ceilingFor(r, name)),
      ),
      target: WRITE_TARGETS[name],
      note: loadNote(last),
    });
  }
}

function twoProcessFigures(one: Round[], two: Round[]): void {
  const cores = cpus().length;
  for (const name of SCENARIOS) {
    const single = one.map((r) => r.loads[name].rps);
    const double = two.map((r) => r.loads[name].rps);
    recorder.print({
      name: `${name} ×2 processes`,
      value: median(double),
      unit: 'req/s',
      baseline: { name: '1 process', value: median(single) },
      ratios: perRound(double, single),
      target: cores >= 4 ? { min: 1.6 } : undefined,
      note: cores >= 4 ? '' : `(${cores} cores: no target)`,
    });
  }
}

/** One-second bursts per list and network in each round of the list latency figures. */
const bursts = Math.ceil(duration / 2);

/** A round at most this long warms every server up before anything is measured; it is discarded. */
const WARM_UP_SECONDS = Math.min(duration, 3);
/** How long each run of the ceiling beside the writes lasts: a round's four take two rounds' length. */
const CEILING_SECONDS = Math.max(1, Math.round(duration / 2));

async function writesAndReads(
  scenario: Network,
  ceilingUrl: string,
  population: Population,
  readers: Viewers,
  processes: number[],
): Promise<void> {
  const ceilingServer = await startCeiling(ceilingUrl, { profileDir });
  const apps: Server[] = [];
  try {
    for (let i = 0; i < Math.max(...processes); i++)
      apps.push(await startRapport(scenario.url, { profileDir }));
    const idleMb = rssMb(elementAt(apps, 0).pid);
    const ceilingPairs = new Pairs(population.members);
    const pairs = new Pairs(population.members);
    for (const app of apps) await introduce(app.url, population.members);
    await ceiling(ceilingServer.url, ceilingPairs, WARM_UP_SECONDS);
    for (const p of processes)
      await round(`${p}p warm-up`, apps.slice(0, p), pairs, readers, WARM_UP_SECONDS);
    const burst = (label: string) =>
      recorder.measured(
        label,
        [ceilingServer],
        () => ceiling(ceilingServer.url, ceilingPairs, CEILING_SECONDS),
        { ceiling: true },
      );
    const rounds = new Map<number, Round[]>(processes.map((p) => [p, []]));
    for (let r = 0; r < repeat; r++) {
      for (const p of processes) {
        const servers = apps.slice(0, p);
        // The writes of one process are measured against the ceiling; two processes against one.
        const against = p === 1 ? burst : undefined;
        rounds
          .get(p)
          ?.push(await round(`${p}p round ${r + 1}`, servers, pairs, readers, duration, against));
      }
    }
    throughputFigures(rounds.get(1) ?? []);
    if (processes.includes(2)) twoProcessFigures(rounds.get(1) ?? [], rounds.get(2) ?? []);
    const first = elementAt(apps, 0);
    const backends = () => pgBackendPids([scenario.url]);
    await bulkWithdraw(first.url, population.warmUpSender);
    const bulks = [];
    for (const sender of population.staleSenders) {
      bulks.push(
        await observe([first.pid], () => bulkWithdraw(first.url, sender), backends, {
          settle: true,
        }),
      );
    }
    details['bulk-withdraw'] = bulks.map((b) => ({ ...b.result, serverCpuMs: b.cpuMs }));
    const cpu = bulks.map((b) => b.cpuMs);
    const answers = bulks.map((b) => `${b.result.count} withdrawn, HTTP ${b.result.status}`);
    recorder.print({
      name: `bulk-withdraw ${STALE_COUNT}`,
      value: median(cpu),
      samples: cpu,
      unit: 'ms server CPU',
      target: { max: 500 },
      note: `(one request by each of ${bulks.length} senders after a warm-up one, CPU from a quiet server to the next quiet: ${cpu.join(', ')} ms in the order they ran; ${Math.round(median(bulks.map((b) => b.result.ms)))} ms median round trip; ${answers.join(' / ')}; ${Math.round(Math.max(...bulks.map((b) => b.peakMb)))} MB peak RSS)`,
    });
    recorder.print({
      name: 'server RSS under load',
      value: recorder.peakMb,
      unit: 'MB',
      target: { max: 150 },
      note: `(peak VmRSS of one app process; ${Math.round(idleMb)} MB idle after start)`,
    });
  } finally {
    await stopAll([ceilingServer, ...apps]);
  }
}

async function benchSqlite(): Promise<void> {
  const small = await cachedSqliteNetwork(...SMALL);
  const large = await cachedSqliteNetwork(...LARGE);
  details.generated = {
    [small.label]: small.generatedSeconds,
    [large.label]: large.generatedSeconds,
  };
  const runDir = join(DATA_DIR, `run-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  try {
    const scenario = copySqlite(small, join(runDir, 'scenario.db'));
    const population = await addPopulation(scenario.url);
    const ceilingDb = copySqlite(scenario, join(runDir, 'ceiling.db'));
    await writesAndReads(scenario, ceilingDb.url, population, await viewers(scenario), [1]);
    await listLatency(recorder, copySqlite(small, join(runDir, 'small.db')), large, {
      rounds: repeat,
      bursts,
      profileDir,
    });
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<void> {
  try {
    const scenario = await generatedPgNetwork(...SMALL);
    const population = await addPopulation(scenario.url);
    const ceilingUrl = await pgCopy(scenario.database);
    await writesAndReads(scenario, ceilingUrl, population, await viewers(scenario), [1, 2]);
    const small = await generatedPgNetwork(...SMALL);
    const large = await generatedPgNetwork(...LARGE);
    details.generated = {
      [small.label]: small.generatedSeconds,
      [large.label]: large.generatedSeconds,
    };
    await listLatency(recorder, small, large, { rounds: repeat, bursts, profileDir });
  } finally {
    await dropPgDatabases();
  }
}

const started = performance.now();
const durable = !flags.pg && process.env.RAPPORT_SQLITE_SYNCHRONOUS === 'full';
const mode = `${flags.pg ? 'pg' : 'sqlite'}${durable ? '-synchronous-full' : ''}${quick ? '-quick' : ''}`;
process.stdout.write(
  `Rapport benchmark (${mode}, ${cpus().length} cores, ${repeat} round(s) of ${duration} s)\n` +
    (flags.pg ? 'Server CPU counts the app processes and their PostgreSQL backends.\n' : ''),
);
buildServer();
await (flags.pg ? benchPostgres() : benchSqlite());
const seconds = (performance.now() - started) / 1000;
details.seconds = seconds;
const file = writeResults(mode, recorder.figures, details);
process.stdout.write(`Done in ${Math.round(seconds)} s; results in ${file}\n`);
