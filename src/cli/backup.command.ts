/**
 * `rapport backup FILE` and `rapport restore FILE` (R33). A backup uses SQLite's online backup,
 * which copies a consistent snapshot while servers keep writing; a restore checks
 * the copy before putting it back in place of the instance's database.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../config.js';
import { sqliteHoldsRapport } from '../db/database.js';

type Out = { write(text: string): unknown };

/** The most pages one backup step copies: all of them. */
const EVERY_PAGE = 0x7fffffff;

const POSTGRES_ADVICE =
  'On PostgreSQL, back up with pg_dump (for example pg_dump -Fc -f rapport.dump "$RAPPORT_DATABASE_URL")\n' +
  'and restore with pg_restore (pg_restore --clean -d "$RAPPORT_DATABASE_URL" rapport.dump).\n';

function sqliteFile(config: Config, err: Out): string | null {
  if (!config.databaseUrl.startsWith('sqlite:')) {
    err.write(POSTGRES_ADVICE);
    return null;
  }
  const file = config.databaseUrl.slice('sqlite:'.length);
  if (file === ':memory:') {
    err.write('An in-memory database cannot be backed up or restored.\n');
    return null;
  }
  return file;
}

/**
 * Whether another connection has `file` open. Every connection to a database in WAL mode holds
 * a shared lock on it for as long as it is open, so one that asks for the database exclusively,
 * without waiting, is refused while a server (or its checkpointer) runs. A file SQLite cannot
 * read as a database is no one's: a restore is what it needs.
 */
function openElsewhere(file: string): boolean {
  if (!existsSync(file)) return false;
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { fileMustExist: true });
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = exclusive');
    probe.exec('begin exclusive');
    probe.exec('rollback');
    return false;
  } catch (error) {
    return error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY';
  } finally {
    probe?.close();
  }
}

/**
 * The first problem PRAGMA integrity_check finds, or null for a sound database. A file that is
 * no database at all fails the check itself, and says so.
 */
function integrityProblem(db: Database.Database): string | null {
  try {
    const result = db.pragma('integrity_check', { simple: true });
    return result === 'ok' ? null : String(result);
  } catch (error) {
    if (error instanceof Database.SqliteError) return error.message;
    throw error;
  }
}

export async function backupCommand(
  config: Config,
  target: string | undefined,
  out: Out = process.stdout,
  err: Out = process.stderr,
): Promise<number> {
  const file = sqliteFile(config, err);
  if (file === null) return 2;
  if (!target) {
    err.write('Usage: rapport backup FILE\n');
    return 2;
  }
  if (existsSync(target)) {
    err.write(`${target} already exists; choose a new file.\n`);
    return 1;
  }
  if (!existsSync(dirname(target))) {
    err.write(`There is no folder ${dirname(target)} to write ${target} into.\n`);
    return 1;
  }
  if (!existsSync(file)) {
    err.write(`There is no database at ${file} to back up.\n`);
    return 1;
  }
  const source = new Database(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // SQLite starts an online backup over whenever another connection writes between two of
    // its steps, so under a steady write load a copy in steps of 100 pages never ended. One step
    // copies every page inside one read transaction, which writers in WAL mode do not wait for.
    const { totalPages } = await source.backup(target, { progress: () => EVERY_PAGE });
    out.write(`Backed up ${file} to ${target} (${totalPages} pages).\n`);
    return 0;
  } catch (error) {
    // A copy cut short is no backup; the database itself is untouched.
    rmSync(target, { force: true });
    if (!(error instanceof Error)) throw error;
    err.write(`Could not write ${target}: ${error.message}.\n`);
    return 1;
  } finally {
    source.close();
  }
}

export async function restoreCommand(
  config: Config,
  backup: string | undefined,
  out: Out = process.stdout,
  err: Out = process.stderr,
): Promise<number> {
  const file = sqliteFile(config, err);
  if (file === null) return 2;
  if (!backup || !existsSync(backup)) {
    err.write(backup ? `There is no file ${backup}.\n` : 'Usage: rapport restore FILE\n');
    return 2;
  }
  if (!existsSync(dirname(file))) {
    err.write(`There is no folder ${dirname(file)} to restore ${file} into.\n`);
    return 1;
  }
  // Its log and the file under it would be taken from a running server: what it wrote since
  // would be lost, and what it writes next would go into a file no one reads.
  if (openElsewhere(file)) {
    err.write(`${file} is open in a running server or worker; stop them all, then restore.\n`);
    return 1;
  }
  const copy = new Database(backup, { fileMustExist: true });
  try {
    const problem = integrityProblem(copy);
    if (problem !== null) {
      err.write(`${backup} is not a sound database (${problem}); nothing was restored.\n`);
      return 1;
    }
    if (!sqliteHoldsRapport(copy)) {
      err.write(`${backup} is a database, but not Rapport's; nothing was restored.\n`);
      return 1;
    }
    // Written beside the database and renamed over it, so a failed restore leaves it as it was.
    const incoming = `${file}.restoring`;
    rmSync(incoming, { force: true });
    await copy.backup(incoming);
    // The old database's write-ahead log belongs to it alone: replayed onto the backup it would
    // corrupt it.
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    renameSync(incoming, file);
  } finally {
    copy.close();
  }
  out.write(`Restored ${backup} into ${file}. Start the servers again.\n`);
  return 0;
}
