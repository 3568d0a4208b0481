/**
 * The databases the benchmark runs on: generated networks, cached under bench/data/ for
 * SQLite, made afresh in throwaway `rapport_bench_*` databases for PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DAY_MS } from '../src/lib/time.js';
import { ROOT } from './servers.js';

export const DATA_DIR = join(ROOT, 'bench/data');
/** Bump when the generator changes what it writes, so cached networks are made again. */
const GENERATOR_VERSION = 2;
/** Generated invitations age with the real clock; after a month a cached network is made again. */
const CACHE_DAYS = 30;
export const PG_ADMIN_URL =
  process.env.RAPPORT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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
        'src/cli/index.ts',
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
    c.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = any($1) and backend_type = 'client backend'`,
      [names],
    ),
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
