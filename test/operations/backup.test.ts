/**
 * R33: `rapport backup FILE` copies a SQLite database while a server keeps writing to it, and
 * `rapport restore FILE` puts the copy into a new instance: sound, and holding every write
 * acknowledged before the backup began. On PostgreSQL both point to pg_dump and pg_restore.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';
import { type Child, runCli, servingUrl, until } from '../jobs/child.js';
import { seedMembersWithTokens, type LoadMember } from '../helpers/members.js';

const dialect = testDialect();
const stamp = `${process.pid}-${Date.now()}`;
const backupFile = join(tmpdir(), `rapport-backup-${stamp}.db`);
const restoredFile = join(tmpdir(), `rapport-restored-${stamp}.db`);

let throwaway: ThrowawayDatabase;
let database: Database;
const children: Child[] = [];

beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  database = openDatabase(throwaway.url);
  await migrateToLatest(database.db);
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGTERM');
  await Promise.all(children.map((c) => c.exited));
  await database?.close();
  await throwaway?.drop();
  for (const file of [backupFile, restoredFile]) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
});

async function cli(args: string[], url: string): Promise<{ code: number | null; output: string }> {
  const child = runCli(args, { RAPPORT_DATABASE_URL: url });
  children.push(child);
  const { code } = await child.exited;
  return { code, output: child.output() };
}

/** A server on the test database, until the file's tests end; its URL. */
async function serve(env: Record<string, string> = {}): Promise<string> {
  const server = runCli(['serve'], {
    RAPPORT_DATABASE_URL: throwaway.url,
    RAPPORT_PORT: '0',
    RAPPORT_LOG_LEVEL: 'error',
    RAPPORT_JOBS: 'off',
    ...env,
  });
  children.push(server);
  const url = await servingUrl(server);
  expect(url, server.output()).not.toBe('');
  return url;
}

describe.runIf(dialect === 'sqlite')('backup and restore (sqlite)', () => {
  it('R33: a backup taken under write load restores into a new instance, sound and with every write acknowledged before it began', async () => {
    // A large database, writers with tokens: a smaller one (20,000 members, in some runs) was
    // copied between two writes even when every write started the copy over.
    const members: LoadMember[] = await seedMembersWithTokens(database, throwaway.url, 40_000, 60);
    const url = await serve({
      RAPPORT_RATE_LIMITS: 'off',
      RAPPORT_WEEKLY_INVITATION_LIMIT: '1000000',
    });

    const pairs: [LoadMember, LoadMember][] = [];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) pairs.push([members[i]!, members[j]!]);
    }
    const acknowledged: string[] = [];
    let next = 0;
    let stop = false;
    const worker = async () => {
      while (!stop && next < pairs.length) {
        const [sender, recipient] = pairs[next++]!;
        const response = await fetch(`${url}/api/v1/invitations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sender.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'connection', to: recipient.handle }),
        });
        const body: { id: string } = await response.json();
        expect(response.status, JSON.stringify(body)).toBe(201);
        acknowledged.push(body.id);
      }
    };
    const running = Promise.all([worker(), worker(), worker()]);
    await until(() => acknowledged.length >= 30, 'writes before the backup', 60_000);

    const beforeBackup = [...acknowledged];
    const backup = await cli(['backup', backupFile], throwaway.url);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain(`to ${backupFile}`);
    // The copy ended while the server was still writing, not once the writes had run out.
    expect(next).toBeLessThan(pairs.length);
    stop = true;
    await running;

    const again = await cli(['backup', backupFile], throwaway.url);
    expect(again.code).toBe(1);
    expect(again.output).toContain('already exists');

    const restore = await cli(['restore', backupFile], `sqlite:${restoredFile}`);
    expect(restore.code, restore.output).toBe(0);
    expect(existsSync(restoredFile)).toBe(true);

    const raw = new SqliteDatabase(restoredFile);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const restored = openDatabase(`sqlite:${restoredFile}`);
    try {
      expect(await migrateToLatest(restored.db)).toEqual([]);
      const rows = await restored.db
        .selectFrom('invitations')
        .select('id')
        .where('id', 'in', beforeBackup)
        .execute();
      expect(rows.length).toBe(beforeBackup.length);
      const members = await restored.db.selectFrom('members').select('id').execute();
      expect(members.length).toBe(40_000);
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('R33: a restore into a database that a running server holds open is refused and changes nothing', async () => {
    const file = throwaway.url.slice('sqlite:'.length);
    const url = await serve();
    const count = async () =>
      (await database.db.selectFrom('invitations').select('id').execute()).length;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    expect(existsSync(backupFile)).toBe(true);

    const restore = await cli(['restore', backupFile], throwaway.url);
    expect(restore.code, restore.output).toBe(1);
    expect(restore.output).toContain('stop them all, then restore');
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(await count()).toBe(before);
    expect((await fetch(`${url}/api/v1/instance`)).status).toBe(200);

    for (const child of children)
      if (child.process.exitCode === null) child.process.kill('SIGTERM');
    await Promise.all(children.map((c) => c.exited));
    await database.close();
    try {
      const stopped = await cli(['restore', backupFile], throwaway.url);
      expect(stopped.code, stopped.output).toBe(0);
    } finally {
      database = openDatabase(throwaway.url);
    }
  }, 120_000);

  it('R33: a file that is not a sound database is refused and the instance is left as it was', async () => {
    const bogus = join(tmpdir(), `rapport-bogus-${stamp}.db`);
    writeFileSync(bogus, 'not a database at all, just some text that is long enough'.repeat(100));
    try {
      const restore = await cli(['restore', bogus], `sqlite:${restoredFile}`);
      expect(restore.code).toBe(1);
      expect(restore.output).toContain(`${bogus} is not a sound database (file is not a database)`);
      expect(restore.output).not.toMatch(/^\s+at /m);
      const raw = new SqliteDatabase(restoredFile);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
    } finally {
      rmSync(bogus, { force: true });
    }
  }, 60_000);

  it("R33: a sound database that is not Rapport's is refused and the instance is left as it was", async () => {
    const other = join(tmpdir(), `rapport-other-${stamp}.db`);
    const raw = new SqliteDatabase(other);
    raw.exec('create table notes (body text)');
    raw.close();
    try {
      const restore = await cli(['restore', other], `sqlite:${restoredFile}`);
      expect(restore.code).toBe(1);
      expect(restore.output).toContain(
        `${other} is a database, but not Rapport's; nothing was restored`,
      );
      const kept = openDatabase(`sqlite:${restoredFile}`);
      try {
        expect((await kept.db.selectFrom('members').select('id').execute()).length).toBeGreaterThan(
          0,
        );
      } finally {
        await kept.close();
      }
    } finally {
      rmSync(other, { force: true });
    }
  }, 60_000);

  it('R33: a backup into a folder that does not exist says so, and writes nothing', async () => {
    const nowhere = join(tmpdir(), `rapport-missing-${stamp}`, 'backup.db');
    const backup = await cli(['backup', nowhere], throwaway.url);
    expect(backup.code).toBe(1);
    expect(backup.output).toContain(
      `There is no folder ${join(tmpdir(), `rapport-missing-${stamp}`)}`,
    );
    expect(backup.output).not.toMatch(/^\s+at /m);
    expect(existsSync(nowhere)).toBe(false);
  }, 60_000);

  it('R33: a restore into a folder that does not exist says so, and writes nothing', async () => {
    const folder = join(tmpdir(), `rapport-missing-${stamp}`);
    const restore = await cli(['restore', backupFile], `sqlite:${join(folder, 'restored.db')}`);
    expect(restore.code).toBe(1);
    expect(restore.output).toContain(`There is no folder ${folder} to restore`);
    expect(restore.output).not.toMatch(/^\s+at /m);
    expect(existsSync(folder)).toBe(false);
  }, 60_000);

  it('R33: a database file that SQLite cannot read any more is restored over', async () => {
    const broken = join(tmpdir(), `rapport-broken-${stamp}.db`);
    writeFileSync(broken, 'this was a database once, before the disk went bad'.repeat(100));
    try {
      const restore = await cli(['restore', backupFile], `sqlite:${broken}`);
      expect(restore.code, restore.output).toBe(0);
      const raw = new SqliteDatabase(broken);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(broken + suffix, { force: true });
    }
  }, 60_000);
});

describe.runIf(dialect === 'postgres')('backup and restore (postgres)', () => {
  it('R33: on PostgreSQL, backup and restore point to pg_dump and pg_restore', async () => {
    const backup = await cli(['backup', backupFile], throwaway.url);
    expect(backup.code).toBe(2);
    expect(backup.output).toContain('pg_dump');
    const restore = await cli(['restore', backupFile], throwaway.url);
    expect(restore.code).toBe(2);
    expect(restore.output).toContain('pg_restore');
    expect(existsSync(backupFile)).toBe(false);
  }, 60_000);
});
