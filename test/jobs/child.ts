import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/index.js');

export interface Child {
  process: ChildProcess;
  /** Standard output and error, interleaved as they came. */
  output(): string;
  /** Standard output alone: what a script reading the command takes. */
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the compiled `rapport` command, as operators run it. Like `testConfig`, its members may
 * invite and be mailed before verifying their email unless `env` says otherwise.
 */
export function runCli(args: string[], env: Record<string, string>): Child {
  assertBuilt();
  return run([CLI, ...args], env);
}

/** Runs a TypeScript file of this repository with tsx in a child process, as `runCli` does. */
export function runTs(file: string, args: string[], env: Record<string, string>): Child {
  return run(['--import', 'tsx', file, ...args], env);
}

function run(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', RAPPORT_REQUIRE_VERIFIED_EMAIL: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output: () => output, stdout: () => stdout, exited };
}

let built = false;

/** A test of the command must not run an older build than the source it reads. */
function assertBuilt(): void {
  if (built) return;
  const builtAt = statSync(CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const source = join(ROOT, 'src');
  const newer = readdirSync(source, { recursive: true, encoding: 'utf8' }).find(
    (file) =>
      file.endsWith('.ts') &&
      !file.endsWith('.test.ts') &&
      statSync(join(source, file)).mtimeMs > builtAt,
  );
  if (newer !== undefined) {
    throw new Error(`dist/cli is older than src/${newer}: run npx tsc -p tsconfig.build.json`);
  }
  built = true;
}

/** Waits for `condition`, polling a real process's progress (not a rule's time). */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  ms = 20_000,
): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The URL a `rapport serve` child prints once it listens, or '' when it exits before that. */
export async function servingUrl(child: Child): Promise<string> {
  let url = '';
  await until(
    () => {
      url = /running at (http:\/\/[^\s]+)/.exec(child.output())?.[1] ?? '';
      return url !== '' || child.process.exitCode !== null;
    },
    `the server to start\n${child.output()}`,
    60_000,
  );
  return url;
}

/** Waits until every server answers /readyz with 200, showing the children's output if not. */
export async function untilReady(servers: string[], children: Child[]): Promise<void> {
  for (const server of servers) {
    await until(
      async () => (await fetch(`${server}/readyz`).catch(() => null))?.status === 200,
      `${server} to be ready\n${children.map((c) => c.output()).join('\n')}`,
      60_000,
    );
  }
}

/** Stops every child with SIGTERM and waits for each to exit. */
export async function stopAll(children: Child[]): Promise<void> {
  for (const child of children) child.process.kill('SIGTERM');
  await Promise.all(children.map((c) => c.exited));
}

/** A TCP port on 127.0.0.1 that was free a moment ago, for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
