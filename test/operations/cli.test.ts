import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMembers } from '../../src/modules/members/member.repository.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../jobs/child.js';

/** A Node stack frame, which an operator's mistake should never print. */
const STACK_FRAME = /^\s+at /m;

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

const env = () => ({ RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl });

describe('the rapport command tells an operator their mistake in words (SPEC §6)', () => {
  it('a mistyped option is refused with exit code 2, naming it and pointing to the help', async () => {
    const cli = runCli(['export', '--member', 'ann', '--fo'], env());
    expect((await cli.exited).code).toBe(2);
    expect(cli.output()).toContain('rapport export does not take --fo; it takes --member.');
    expect(cli.output()).toContain('Run "rapport help"');
    expect(cli.output()).not.toMatch(STACK_FRAME);
  });

  it('an unknown command is named with exit code 2, even one named like a property every object has', async () => {
    for (const name of ['frobnicate', 'constructor']) {
      const cli = runCli([name], env());
      expect((await cli.exited).code).toBe(2);
      expect(cli.output()).toContain(`Unknown command "${name}".`);
      expect(cli.output()).toContain('Usage: rapport <command> [options]');
      expect(cli.output()).not.toMatch(STACK_FRAME);
    }
  });

  it('a database that cannot be used is named by its setting, in words, with exit code 1', async () => {
    const junk = join(mkdtempSync(join(tmpdir(), 'rapport-cli-')), 'junk.db');
    writeFileSync(junk, 'this is no SQLite database, only text long enough to have a header');
    const unusable: [string, string][] = [
      [`sqlite:${junk}`, 'file is not a database'],
      ['postgres://rapport@127.0.0.1:1/nowhere', 'ECONNREFUSED'],
      ['postgres://rapport@127.0.0.1:notaport/db', 'Invalid URL'],
    ];
    for (const [url, reason] of unusable) {
      const cli = runCli(['migrate'], { RAPPORT_DATABASE_URL: url });
      expect((await cli.exited).code, url).toBe(1);
      expect(cli.output(), url).toContain(
        'The database that RAPPORT_DATABASE_URL names cannot be used',
      );
      expect(cli.output(), url).toContain(reason);
      expect(cli.output(), url).not.toMatch(STACK_FRAME);
    }
    rmSync(dirname(junk), { recursive: true });
  });

  it('seed says how many of the invitations and connections asked for it made, when fewer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    try {
      const cli = runCli(
        ['seed', '--members', '10', '--invitations', '1000', '--connections', '100'],
        {
          RAPPORT_DATABASE_URL: `sqlite:${join(dir, 'tiny.db')}`,
        },
      );
      expect((await cli.exited).code, cli.output()).toBe(0);
      const made = /(\d+) invitations \(/.exec(cli.output())?.[1];
      expect(Number(made)).toBeLessThan(1000);
      expect(cli.output()).toContain(`Made ${made} of the 1000 invitations asked for:`);
      expect(cli.output()).toContain('Made 45 of the 100 connections asked for:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('commands on an instance refuse a database Rapport has not set up, creating nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    const missing = join(dir, 'no-folder', 'typo.db');
    const foreign = join(dir, 'foreign.db');
    const other = new SqliteDatabase(foreign);
    other.exec('create table t (x)');
    other.close();
    try {
      for (const args of [
        ['mail', 'list'],
        ['export', '--member', 'ann'],
        ['admin', 'grant', 'ann'],
      ]) {
        const absent = runCli(args, { RAPPORT_DATABASE_URL: `sqlite:${missing}` });
        expect((await absent.exited).code, absent.output()).toBe(1);
        expect(absent.output()).toContain(`names ${missing}, where there is no database`);
        expect(existsSync(dirname(missing))).toBe(false);
        const unset = runCli(args, { RAPPORT_DATABASE_URL: `sqlite:${foreign}` });
        expect((await unset.exited).code, unset.output()).toBe(1);
        expect(unset.output()).toContain('names a database that holds no Rapport data');
        expect(unset.output()).not.toMatch(STACK_FRAME);
      }
      const left = new SqliteDatabase(foreign, { readonly: true });
      const tables = left.prepare("select name from sqlite_master where type = 'table'").pluck();
      expect(tables.all()).toEqual(['t']);
      // Opened for writing, the file would have been switched to Rapport's WAL journal for good.
      expect(left.pragma('journal_mode', { simple: true })).toBe('delete');
      left.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seed refuses to generate a network into a database that has members', async () => {
    await t.member('kept');
    const before = await countMembers(t.ctx.database.db);
    const cli = runCli(['seed', '--members', '10'], env());
    expect((await cli.exited).code, cli.output()).toBe(1);
    expect(cli.output()).toContain('The database already has members');
    expect(await countMembers(t.ctx.database.db)).toBe(before);
  });

  it('a misspelt RAPPORT_ variable is named in a warning with the setting it resembles', async () => {
    const cli = runCli(['migrate'], {
      ...env(),
      RAPPORT_MAX_CONECTIONS: '5',
      RAPPORT_SOMETHING_ELSE: '1',
      RAPPORT_TEST_DB: 'sqlite',
    });
    expect((await cli.exited).code, cli.output()).toBe(0);
    const warnings = cli
      .output()
      .split('\n')
      .filter((line) => line.startsWith('Warning:'));
    expect(warnings).toEqual([
      'Warning: RAPPORT_MAX_CONECTIONS is not a setting of Rapport and is ignored; did you mean RAPPORT_MAX_CONNECTIONS?',
      'Warning: RAPPORT_SOMETHING_ELSE is not a setting of Rapport and is ignored.',
    ]);
  });

  it('an option of another command is refused, not ignored: nothing is done', async () => {
    const ann = await t.member('ann');
    // --all belongs to cleanup; an export that ignored it would write one member's data.
    const cli = runCli(['export', '--member', ann.handle, '--all'], env());
    expect((await cli.exited).code).toBe(2);
    expect(cli.output()).toContain('rapport export does not take --all; it takes --member.');
    expect(cli.output()).toContain('Run "rapport help"');
    expect(cli.output()).not.toContain(ann.handle);
  });

  it('a mistyped command line is told in the words of its command, not the parser', async () => {
    const said = async (args: string[]) => {
      const cli = runCli(args, env());
      expect((await cli.exited).code).toBe(2);
      return cli.output().split('\n')[0];
    };
    expect(await said(['seed', '--member', '5'])).toBe(
      'rapport seed does not take --member; it takes --members, --invitations or --connections.',
    );
    expect(await said(['serve', '--port', '80'])).toBe(
      'rapport serve does not take --port; it takes no options.',
    );
    expect(await said(['cleanup', '--all', '--older-than'])).toBe(
      '--older-than needs a value, as in --older-than VALUE.',
    );
    expect(await said(['nonsense', '--x'])).toBe('Unknown command "nonsense".');
    expect(await said(['-q'])).toBe('Unknown option -q.');
    expect(await said(['backup', 'a', 'b'])).toBe(
      'rapport backup takes one word after its name, not 2: "a" "b".',
    );
    expect(await said(['migrate', 'now'])).toBe(
      'rapport migrate takes no words after its name, not 1: "now".',
    );
    expect(await said(['mail', 'list', 'extra'])).toBe(
      'Usage: rapport mail list [--limit N] | rapport mail show <id>',
    );
    expect(await said(['cleanup', '--all', '--older-than', '14', '--older-than=3'])).toBe(
      '--older-than is given more than once; give it once.',
    );
  });

  it('serve names RAPPORT_HOST and RAPPORT_PORT when it cannot listen there', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const cli = runCli(['serve'], {
        ...env(),
        RAPPORT_HOST: '127.0.0.1',
        RAPPORT_PORT: String(port),
        RAPPORT_JOBS: 'off',
      });
      expect((await cli.exited).code).toBe(1);
      expect(cli.output()).toContain(
        `RAPPORT_HOST=127.0.0.1 RAPPORT_PORT=${port}: cannot listen there`,
      );
      expect(cli.output()).toContain('EADDRINUSE');
      expect(cli.output()).not.toMatch(STACK_FRAME);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('export to a reader that has stopped reading ends quietly', async () => {
    const ann = await t.member('ann');
    const cli = runCli(['export', '--member', ann.handle], env());
    // As `| head` does once it has its lines: the pipe's reading end closes before the export.
    cli.process.stdout?.destroy();
    expect((await cli.exited).code).toBe(0);
    expect(cli.output()).not.toMatch(STACK_FRAME);
  });
});
