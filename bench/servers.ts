/**
 * The processes under load: Rapport's own `serve` command, or the bare ceiling server, each a
 * child process on port 0 that prints its URL; and a sampler of their resident memory.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUILD_DIR = join(ROOT, 'bench/data/build');

/**
 * Compiles the server as `npm run build` does (without the web app), into bench/data/build/,
 * so that it runs as plain JavaScript: under tsx its loader thread would add to the memory
 * measured. Incremental, so later runs take seconds.
 */
export function buildServer(): void {
  process.stderr.write('Compiling the server (tsc -p tsconfig.build.json)…\n');
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const args = ['-p', 'tsconfig.build.json', '--outDir', BUILD_DIR, '--incremental'];
  const result = spawnSync(
    process.execPath,
    [tsc, ...args, '--tsBuildInfoFile', `${BUILD_DIR}.tsbuildinfo`],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  // Type errors elsewhere in a work in progress still leave runnable JavaScript behind.
  if (!existsSync(join(BUILD_DIR, 'cli/index.js')))
    throw new Error(`tsc failed:\n${result.stdout}${result.stderr}`);
  if (result.status !== 0)
    process.stderr.write('(tsc reported type errors; running what it emitted)\n');
}

export interface Server {
  url: string;
  pid: number;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Rule numbers wide enough that no load request is refused by R5 or R6 (SPEC §6 variables). */
export const BENCH_ENV = {
  RAPPORT_HOST: '127.0.0.1',
  RAPPORT_PORT: '0',
  RAPPORT_LOG_LEVEL: 'warn',
  RAPPORT_RATE_LIMITS: 'off',
  RAPPORT_JOBS: 'off',
  RAPPORT_WEEKLY_INVITATION_LIMIT: '1000000',
  RAPPORT_MAX_OPEN_SENT: '1000000',
  RAPPORT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
};

function start(
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
  what: string,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let listening = false;
  return new Promise((resolve, reject) => {
    // Output is read to the end, so that a chatty server never blocks on a full pipe.
    const onData = (chunk: Buffer) => {
      if (listening) return;
      output += chunk.toString();
      const url = pattern.exec(output)?.[1];
      if (url) {
        listening = true;
        resolve({
          url,
          pid: child.pid ?? 0,
          databaseUrl: env.RAPPORT_DATABASE_URL ?? env.BENCH_DATABASE_URL ?? '',
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (!listening) output += chunk.toString();
      else process.stderr.write(chunk);
    });
    child.on('exit', (code) =>
      reject(new Error(`${what} exited with ${code} before listening:\n${output}`)),
    );
  });
}

/**
 * Settings under which Rapport is measured when the bench runs with them, like
 * `RAPPORT_SQLITE_SYNCHRONOUS=full npm run bench`. The ceiling keeps its own.
 */
function passedOn(): Record<string, string> {
  const names = ['RAPPORT_SQLITE_SYNCHRONOUS', 'RAPPORT_DATABASE_POOL_SIZE'];
  return Object.fromEntries(
    names.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
}

/** The environment and Node flags on the `rapport` command's `#!/usr/bin/env -S … node …` line. */
function commandLine(file: string): { env: Record<string, string>; flags: string[] } {
  const shebang = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  const [settings = '', flags = ''] =
    /^#!\/usr\/bin\/env -S (.*?)\bnode\b ?(.*)$/.exec(shebang)?.slice(1) ?? [];
  const env = Object.fromEntries(
    settings
      .split(' ')
      .filter((word) => word.includes('='))
      .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
  );
  return { env, flags: flags.split(' ').filter(Boolean) };
}

/** Node's flags that write a CPU profile into `dir` when the process exits. */
function profiled(dir: string | undefined): string[] {
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** `rapport serve` with the environment and Node flags the command starts with, as an operator runs it. */
export function startRapport(
  databaseUrl: string,
  options: { profileDir?: string } = {},
): Promise<Server> {
  const command = join(BUILD_DIR, 'cli/index.js');
  const line = commandLine(command);
  return start(
    [...line.flags, ...profiled(options.profileDir), command, 'serve'],
    { ...line.env, ...BENCH_ENV, ...passedOn(), RAPPORT_DATABASE_URL: databaseUrl },
    /running at (http:\/\/\S+)/,
    'rapport serve',
  );
}

/**
 * The ceiling is profiled with Rapport, so that the two profiles show where Rapport spends the
 * time the ceiling does not.
 */
export function startCeiling(
  databaseUrl: string,
  options: { profileDir?: string } = {},
): Promise<Server> {
  return start(
    [...profiled(options.profileDir), '--import', 'tsx', 'bench/ceiling.server.ts'],
    { BENCH_DATABASE_URL: databaseUrl },
    /listening at (http:\/\/\S+)/,
    'the ceiling server',
  );
}

export async function stopAll(servers: Server[]): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}

function procStatus(pid: number): { rssMb: number; cpuMs: number } {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    // utime and stime, in clock ticks (100 a second on Linux), follow the command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    return { rssMb: kb / 1024, cpuMs: ticks * 10 };
  } catch {
    // not on Linux, or the process is gone
    return { rssMb: 0, cpuMs: 0 };
  }
}

export function rssMb(pid: number): number {
  return procStatus(pid).rssMb;
}

export interface Observed<T> {
  result: T;
  /** Highest VmRSS of any of the processes, sampled every 200 ms. */
  peakMb: number;
  /** CPU time the processes (and helpers) used meanwhile: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** The helpers' part of `cpuMs`. */
  helperCpuMs: number;
}

const QUIET_MS = 400;
const QUIET_POLL_MS = 100;
const QUIET_AT_MOST_MS = 5_000;

/**
 * Resolves once the processes have used no CPU time for QUIET_MS (or after QUIET_AT_MOST_MS):
 * a request's work can outlive its answer, as SQLite's checkpoint of the pages it wrote does.
 */
async function quiet(pids: number[]): Promise<void> {
  const total = () => pids.reduce((sum, pid) => sum + procStatus(pid).cpuMs, 0);
  let last = total();
  let quietFor = 0;
  for (let waited = 0; quietFor < QUIET_MS && waited < QUIET_AT_MOST_MS; waited += QUIET_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
    const now = total();
    quietFor = now === last ? quietFor + QUIET_POLL_MS : 0;
    last = now;
  }
}

/**
 * Watches the server processes (Linux /proc) while `during` runs: their memory, and the CPU
 * time of them and of the helpers `helpers` lists (PostgreSQL backends working for them), asked
 * before and after: a pool that closed its idle connections opens new ones under load, whose
 * backends exist only after it began. With `settle`, the CPU is counted from a quiet moment to
 * the next one after `during`: a single request is charged with what it leaves to do after its
 * answer, and not with what the work before it left.
 */
export async function observe<T>(
  pids: number[],
  during: () => Promise<T>,
  helpers: () => Promise<number[]> = () => Promise.resolve([]),
  options: { settle?: boolean } = {},
): Promise<Observed<T>> {
  let peak = 0;
  const watched = [...pids, ...(await helpers())];
  if (options.settle) await quiet(watched);
  // Per process, so that one that ends meanwhile (an idle pool connection) counts for nothing;
  // one that began meanwhile counts from its start.
  const cpuBefore = new Map(watched.map((pid) => [pid, procStatus(pid).cpuMs]));
  const cpuUsed = (which: number[]) =>
    which.reduce((sum, pid) => {
      const now = procStatus(pid).cpuMs;
      return now > 0 ? sum + now - (cpuBefore.get(pid) ?? 0) : sum;
    }, 0);
  const sample = () => {
    for (const pid of pids) peak = Math.max(peak, procStatus(pid).rssMb);
  };
  sample();
  const timer = setInterval(sample, 200);
  try {
    const result = await during();
    sample();
    if (options.settle) await quiet(watched);
    const helping = [...new Set([...watched, ...(await helpers())])].filter(
      (pid) => !pids.includes(pid),
    );
    const helperCpuMs = cpuUsed(helping);
    return { result, peakMb: peak, cpuMs: cpuUsed(pids) + helperCpuMs, helperCpuMs };
  } finally {
    clearInterval(timer);
  }
}
