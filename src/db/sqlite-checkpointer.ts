import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

const INTERVAL_MS = 250;
/** SQLite's own default, for when the background thread is gone. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * How large the WAL may grow before writes wait for a checkpoint to catch up with them. Under a
 * steady stream of writes a PASSIVE checkpoint never copies the last frames before new ones
 * arrive, and SQLite starts the WAL over only once it has copied them all: the WAL grew by 2 GB
 * in ten seconds of the bench's sends, and would fill the disk under such a load for long.
 */
export const SQLITE_WAL_BOUND_BYTES = 64 * 1024 * 1024;

/**
 * Runs in its own thread with its own connection. A PASSIVE checkpoint copies committed pages
 * from the WAL into the database file without blocking the writer, and the file's fsync waits
 * here instead of in a request. Asked for one, it makes it at once and answers when it ends.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
function checkpoint() {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // The next tick tries again; meanwhile the WAL only grows.
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
    return;
  }
  checkpoint();
  parentPort.postMessage('checkpointed');
});
`;

export interface Checkpointer {
  /**
   * Resolves at once while the WAL is within its bound; past it, once a checkpoint made after
   * the call has ended. Called between transactions, so that checkpoint finds no write under way
   * and copies the whole WAL, and the next write starts it over.
   */
  caughtUp(): Promise<void> | undefined;
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the thread that serves requests. SQLite otherwise checkpoints inside
 * whichever commit crosses 1,000 WAL pages, and that commit then waits for the file's fsync:
 * measured on a send, 40 % of a transaction's wall time. If the thread fails, checkpoints go
 * back into commits.
 */
export function startCheckpointer(sqlite: SqliteDatabase.Database, file: string): Checkpointer {
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      intervalMs: INTERVAL_MS,
    },
  });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let alive = true;
  // At most one checkpoint is asked for at a time: a batch asks only when none is pending.
  let pending: Promise<void> | undefined;
  let answered: (() => void) | undefined;
  const release = () => {
    answered?.();
    answered = undefined;
    pending = undefined;
  };
  worker.on('message', release);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      alive = false;
      release();
      resolve();
    }),
  );
  worker.once('error', () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  });
  // A checkpoint copies no frame past the snapshot that another connection still reads, and
  // SQLite cannot start the WAL over while one reads it: then writes wait again only once the
  // WAL has grown by another bound, not before each of them. A WAL that shrank was started over.
  let waitPast = SQLITE_WAL_BOUND_BYTES;
  let lastSize = 0;
  return {
    caughtUp() {
      if (!alive || pending) return pending;
      const size = walSize(file);
      if (size < lastSize) waitPast = SQLITE_WAL_BOUND_BYTES;
      lastSize = size;
      if (size <= waitPast) return undefined;
      waitPast = size + SQLITE_WAL_BOUND_BYTES;
      pending = new Promise<void>((resolve) => (answered = resolve));
      worker.postMessage('checkpoint');
      return pending;
    },
    async stop() {
      // Referenced again so that the process waits for the thread to close its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

function walSize(file: string): number {
  return statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}
