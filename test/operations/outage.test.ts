/**
 * R34: the database becomes unusable under load — PostgreSQL, shared by two app processes, cut
 * off behind a TCP proxy (the server itself keeps running), or the SQLite file of one app
 * process held locked by another process. Every request that writes (on PostgreSQL, every
 * request) meanwhile answers 503 service_unavailable with Retry-After (never 500), SQLite's
 * reads go on, and /readyz answers 503, a password reset alike for a known and an unknown
 * address (R26); the processes serve again by themselves once the database is back, and every
 * write they acknowledged is kept.
 */
import { createServer, type Server, Socket } from 'node:net';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import { findMemberByHandle } from '../../src/modules/members/member.service.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';
import { type Child, runCli, servingUrl, until } from '../jobs/child.js';
import { seedMembersWithTokens, type LoadMember } from '../helpers/members.js';

const dialect = testDialect();
const MEMBERS = 30;

/** What the test does to the database: take it away, and give it back. */
interface Outage {
  appUrl: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy in front of PostgreSQL that can drop every connection and stop accepting. */
async function postgresProxy(url: string): Promise<Outage> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        upstream.connect(Number(target.port || 5432), target.hostname);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server!.address();
        if (address === null || typeof address === 'string')
          throw new Error('the proxy is not on TCP');
        port = address.port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (server) server.close(() => resolve());
      else resolve();
      server = null;
    });
  await listen();
  const appUrl = new URL(url);
  appUrl.port = String(port);
  return { appUrl: appUrl.toString(), cut: stop, restore: listen, close: stop };
}

/** Another process's exclusive transaction on the SQLite file: no one else may write. */
function sqliteLock(url: string): Outage {
  const locker = new SqliteDatabase(url.slice('sqlite:'.length));
  return {
    appUrl: url,
    cut() {
      locker.exec('begin exclusive');
      return Promise.resolve();
    },
    restore() {
      locker.exec('rollback');
      return Promise.resolve();
    },
    close() {
      if (locker.inTransaction) locker.exec('rollback');
      locker.close();
      return Promise.resolve();
    },
  };
}

let throwaway: ThrowawayDatabase;
let database: Database;
let members: LoadMember[];
let outage: Outage;
const children: Child[] = [];

async function startServer(): Promise<string> {
  const child = runCli(['serve'], {
    RAPPORT_DATABASE_URL: outage.appUrl,
    RAPPORT_PORT: '0',
    RAPPORT_RATE_LIMITS: 'off',
    RAPPORT_LOG_LEVEL: 'error',
    RAPPORT_JOBS: 'off',
    RAPPORT_WEEKLY_INVITATION_LIMIT: '1000000',
  });
  children.push(child);
  const url = await servingUrl(child);
  if (!url) throw new Error(`the server did not start:\n${child.output()}`);
  return url;
}

interface Answer {
  status: number;
  code: string | undefined;
  retryAfter: string | null;
  id: string | undefined;
}

async function call(
  url: string,
  path: string,
  member?: LoadMember,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(member ? { authorization: `Bearer ${member.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((error: unknown) => {
    // A server that stops answering has gone: what it said on its way out says why.
    const said = children.map(
      (c) => `exit ${c.process.exitCode ?? c.process.signalCode ?? 'not yet'}:\n${c.output()}`,
    );
    throw new Error(`${path} got no answer from ${url}: ${String(error)}\n${said.join('\n')}`);
  });
  const text = await response.text();
  const json: { code?: string; id?: string } = text.startsWith('{') ? JSON.parse(text) : {};
  return {
    status: response.status,
    code: json.code,
    retryAfter: response.headers.get('retry-after'),
    id: json.id,
  };
}

beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  database = openDatabase(throwaway.url);
  await migrateToLatest(database.db);
  members = await seedMembersWithTokens(database, throwaway.url, MEMBERS);
  outage = dialect === 'postgres' ? await postgresProxy(throwaway.url) : sqliteLock(throwaway.url);
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGTERM');
  await Promise.all(children.map((c) => c.exited));
  await outage?.close();
  await database?.close();
  await throwaway?.drop();
});

describe(`the database goes away under load (${dialect})`, () => {
  it('R34: 503 service_unavailable with Retry-After while it is away, /readyz 503, and the processes recover keeping every acknowledged write', async () => {
    // Several processes share PostgreSQL; a SQLite file is served by one (its writers would
    // otherwise refuse each other's stale snapshots).
    const servers = [await startServer()];
    if (dialect === 'postgres') servers.push(await startServer());
    const pairs: [LoadMember, LoadMember][] = [];
    // Three members stay out of the load, for invitations sent while the database is away.
    const [spare, ...others] = members.slice(-3);
    const load = members.slice(0, -3);
    for (let i = 0; i < load.length; i++) {
      for (let j = i + 1; j < load.length; j++) pairs.push([load[i]!, load[j]!]);
    }
    const acknowledged: string[] = [];
    type Phase = 'up' | 'down' | 'recovering' | 'back';
    const answers: { phase: Phase | 'across'; answer: Answer }[] = [];
    let phase: Phase = 'up';
    let next = 0;
    let stop = false;
    const worker = async (w: number) => {
      while (!stop && next < pairs.length) {
        const [sender, recipient] = pairs[next++]!;
        const started = phase;
        const answer = await call(servers[w % servers.length]!, '/api/v1/invitations', sender, {
          kind: 'connection',
          to: recipient.handle,
        });
        // A request under way when the database went away or came back may get either answer.
        answers.push({ phase: started === phase ? started : 'across', answer });
        if (answer.status === 201) acknowledged.push(answer.id!);
        // Refused for now: the pair goes round again, as a client honouring Retry-After would.
        else if (answer.status === 503) pairs.push([sender, recipient]);
      }
    };
    const running = Promise.all([0, 1, 2, 3].map(worker));
    const acks = (n: number) =>
      until(() => acknowledged.length >= n, `${n} acknowledged writes`, 60_000);

    const spareRow = await findMemberByHandle(database.db, spare!.handle);
    if (!spareRow) throw new Error('the spare member is missing');
    // Its token's first use, which records when it was used, comes before the outage.
    expect((await call(servers[0]!, '/api/v1/me', spare)).status).toBe(200);
    await acks(20);
    await outage.cut();
    phase = 'down';
    for (const [i, server] of servers.entries()) {
      const ready = await call(server, '/readyz');
      expect(ready).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: '5' });
      const write = await call(server, '/api/v1/invitations', spare, {
        kind: 'connection',
        to: others[i]!.handle,
      });
      expect(write).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: '5' });
      // PostgreSQL is gone for reads too; SQLite readers carry on past another's write lock.
      const read = await call(server, '/api/v1/me', spare);
      // The instance's description needs no sign-in and reads nothing, yet it is an API request.
      const instance = await call(server, '/api/v1/instance');
      if (dialect === 'postgres') {
        expect(read).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: '5' });
        expect(instance).toMatchObject({
          status: 503,
          code: 'service_unavailable',
          retryAfter: '5',
        });
      } else {
        expect(read.status).toBe(200);
        expect(instance.status).toBe(200);
      }
      // R26: a reset answers the same whether the address has an account or not.
      const [known, unknown] = await Promise.all(
        [spareRow.email, 'nobody-here@example.test'].map((email) =>
          call(server, '/api/v1/account/password-reset', undefined, { email }),
        ),
      );
      expect(known).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(unknown).toEqual(known);
    }
    await until(
      () => answers.filter((a) => a.phase === 'down').length >= 4,
      'requests of the load while the database is away',
      60_000,
    );

    const before = acknowledged.length;
    phase = 'recovering';
    await outage.restore();
    for (const server of servers) {
      await until(
        async () => (await call(server, '/readyz')).status === 200,
        'readiness again',
        60_000,
      );
    }
    phase = 'back';
    await acks(before + 20);
    stop = true;
    await running;

    const statuses = (p: string) => [
      ...new Set(answers.filter((a) => a.phase === p).map((a) => a.answer.status)),
    ];
    expect(statuses('up')).toEqual([201]);
    for (const { answer } of answers.filter((a) => ['across', 'recovering'].includes(a.phase))) {
      expect(answer.status === 201 || answer.status === 503, JSON.stringify(answer)).toBe(true);
      if (answer.status === 503)
        expect(answer).toMatchObject({ code: 'service_unavailable', retryAfter: '5' });
    }
    expect(statuses('down')).toEqual([503]);
    for (const { answer } of answers.filter((a) => a.phase === 'down')) {
      expect(answer).toMatchObject({ code: 'service_unavailable', retryAfter: '5' });
    }
    expect(statuses('back')).toEqual([201]);

    const stored = await database.db
      .selectFrom('invitations')
      .select('id')
      .where('id', 'in', acknowledged)
      .execute();
    expect(stored.length).toBe(new Set(acknowledged).size);
  }, 240_000);
});
