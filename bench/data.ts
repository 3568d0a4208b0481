/**
 * The databases the benchmark runs on: generated networks (cached under bench/data/ for
 * SQLite, made afresh in throwaway `rapport_bench_*` databases for PostgreSQL), plus, for the
 * write scenarios, a population of fresh members with tokens and 10,000 stale invitations.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { systemClock } from '../src/lib/clock.js';
import { DAY_MS } from '../src/lib/time.js';
import { generateNetwork } from '../src/seed/generate.js';
import { fastId, randomSource } from '../src/seed/generate.rows.js';
import { issueTokens, type TokenHolder } from '../src/seed/generate.tokens.js';
import { openBulkWriter, type Row } from '../src/seed/seed.repository.js';
import {
  membersTagged,
  someMembers,
  withReceived,
  withSent,
  type MemberRef,
} from './bench.repository.js';
import { ROOT } from './servers.js';

export const DATA_DIR = join(ROOT, 'bench/data');
/** Bump when the generator changes what it writes, so cached networks are made again. */
const GENERATOR_VERSION = 1;
/** Generated invitations age with the real clock; after a month a cached network is made again. */
const CACHE_DAYS = 30;
export const PG_ADMIN_URL =
  process.env.RAPPORT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const STALE_COUNT = 10_000;
const POPULATION = STALE_COUNT + 500;

export interface Network {
  url: string;
  label: string;
  members: number;
  invitations: number;
  /** Seconds the generator took, when it ran in this benchmark run. */
  generatedSeconds: number | null;
  cachedFile: string | null;
}

function runSeed(url: string, members: number, invitations: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        'seed',
        '--members',
        String(members),
        '--invitations',
        String(invitations),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, RAPPORT_DATABASE_URL: url, RAPPORT_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`rapport seed exited with ${code}`)),
    );
  });
}

function removeSqlite(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** A generated SQLite network, made once and kept under bench/data/. */
export async function cachedSqliteNetwork(members: number, invitations: number): Promise<Network> {
  mkdirSync(DATA_DIR, { recursive: true });
  const name = `network-m${members}-i${invitations}-v${GENERATOR_VERSION}`;
  const file = join(DATA_DIR, `${name}.db`);
  const label = compactCount(invitations);
  if (existsSync(file) && Date.now() - statSync(file).mtimeMs < CACHE_DAYS * DAY_MS) {
    return {
      url: `sqlite:${file}`,
      label,
      members,
      invitations,
      generatedSeconds: null,
      cachedFile: file,
    };
  }
  removeSqlite(file);
  const partial = join(DATA_DIR, `${name}.partial.db`);
  removeSqlite(partial);
  process.stderr.write(
    `Generating ${members} members and ${invitations} invitations into ${file} (once)…\n`,
  );
  const started = performance.now();
  await runSeed(`sqlite:${partial}`, members, invitations);
  const generatedSeconds = (performance.now() - started) / 1000;
  renameSync(partial, file);
  removeSqlite(partial);
  writeFileSync(
    join(DATA_DIR, `${name}.json`),
    JSON.stringify({ members, invitations, generatedSeconds }) + '\n',
  );
  return { url: `sqlite:${file}`, label, members, invitations, generatedSeconds, cachedFile: file };
}

/** A private copy of a cached network, for scenarios that write. */
export function copySqlite(network: Network, file: string): Network {
  removeSqlite(file);
  copyFileSync(network.cachedFile ?? network.url.slice('sqlite:'.length), file);
  return { ...network, url: `sqlite:${file}`, cachedFile: null };
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function pgUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export const createdPgDatabases: string[] = [];

/** A throwaway `rapport_bench_*` database, optionally a copy of another (a template). */
export async function createPgDatabase(template?: string): Promise<string> {
  const name = `rapport_bench_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  createdPgDatabases.push(name);
  return name;
}

export async function dropPgDatabases(): Promise<void> {
  for (const name of createdPgDatabases.splice(0)) {
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

/**
 * The PostgreSQL backends serving these databases: on PostgreSQL the database's share of a
 * request runs in them, where on SQLite it runs inside the app process.
 */
export async function pgBackendPids(urls: string[]): Promise<number[]> {
  const names = urls
    .filter((u) => u.startsWith('postgres'))
    .map((u) => new URL(u).pathname.slice(1));
  if (names.length === 0) return [];
  const result = await admin((c) =>
    c.query<{ pid: number }>('select pid from pg_stat_activity where datname = any($1)', [names]),
  );
  return result.rows.map((r) => r.pid);
}

export async function generatedPgNetwork(
  members: number,
  invitations: number,
): Promise<Network & { database: string }> {
  const database = await createPgDatabase();
  const url = pgUrl(database);
  const started = performance.now();
  await runSeed(url, members, invitations);
  const generatedSeconds = (performance.now() - started) / 1000;
  return {
    url,
    label: compactCount(invitations),
    members,
    invitations,
    generatedSeconds,
    cachedFile: null,
    database,
  };
}

export function pgCopy(database: string): Promise<string> {
  return createPgDatabase(database).then(pgUrl);
}

export function compactCount(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

export interface Population {
  /** Fresh members, none connected or invited, each with a token; the stale sender excluded. */
  members: TokenHolder[];
  /** A member with STALE_COUNT open invitations sent 15 to 60 days ago (R18). */
  staleSender: TokenHolder;
}

/** Adds the population of the write scenarios to a network. */
export async function addPopulation(url: string): Promise<Population> {
  const now = systemClock.now();
  const summary = await generateNetwork({
    databaseUrl: url,
    members: POPULATION,
    invitations: 0,
    connections: 0,
    rules: loadConfig({}).rules,
    now,
    seed: 7,
  });
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db);
    const members = await issueTokens(url, await membersTagged(database.db, summary.tag), now);
    const [staleSender, ...rest] = members as [TokenHolder, ...TokenHolder[]];
    await writeStale(url, staleSender, rest.slice(0, STALE_COUNT), now);
    return { members: rest, staleSender };
  } finally {
    await database.close();
  }
}

/** Pending invitations with their recipients' notifications, as a sender would have left them. */
async function writeStale(
  url: string,
  sender: TokenHolder,
  recipients: TokenHolder[],
  now: Date,
): Promise<void> {
  const random = randomSource(11);
  const invitations: Row[] = [];
  const notifications: Row[] = [];
  for (const recipient of recipients) {
    const sent = now.getTime() - (15 + random() * 45) * DAY_MS;
    const at = new Date(sent).toISOString();
    const id = fastId(sent, random);
    const expires = new Date(sent + 180 * DAY_MS).toISOString();
    invitations.push([
      id,
      'connection',
      sender.id,
      recipient.id,
      '',
      'pending',
      null,
      'colleague',
      at,
      at,
      null,
      null,
      null,
      null,
      0,
      null,
      2,
      expires,
    ]);
    notifications.push([
      fastId(sent, random),
      recipient.id,
      'invitation_received',
      sender.id,
      id,
      at,
      null,
    ]);
  }
  const writer = await openBulkWriter(url);
  try {
    await writer.insert('invitations', invitations);
    await writer.insert('notifications', notifications);
  } finally {
    await writer.close();
  }
}

export interface Viewers {
  received: TokenHolder[];
  sent: TokenHolder[];
  profile: { viewers: TokenHolder[]; others: MemberRef[] };
}

const VIEWERS = 100;

function sample<T>(items: T[], count: number, seed: number): T[] {
  const random = randomSource(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

/**
 * Members to read as, chosen alike on every network: a sample of those with a full first page
 * of received (or sent) invitations, and random members viewing random profiles. On a cached
 * network the choice and its tokens are kept beside it, so the big file is written once.
 */
export async function viewers(network: Network): Promise<Viewers> {
  const cache = network.cachedFile ? network.cachedFile.replace(/\.db$/, '.viewers.json') : null;
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Viewers;
  const now = systemClock.now();
  const database = openDatabase(network.url);
  try {
    const [received, sent, readers, others] = await Promise.all([
      withReceived(database.db, 20),
      withSent(database.db, 20, now.toISOString()),
      someMembers(database.db, VIEWERS),
      someMembers(database.db, 2000),
    ]);
    const chosen: Viewers = {
      received: await issueTokens(network.url, sample(received, VIEWERS, 1), now),
      sent: await issueTokens(network.url, sample(sent, VIEWERS, 2), now),
      profile: { viewers: await issueTokens(network.url, readers, now), others },
    };
    if (cache) writeFileSync(cache, JSON.stringify(chosen));
    return chosen;
  } finally {
    await database.close();
  }
}
