import { CompiledQuery, type ControlledTransaction } from 'kysely';
import type { Schema } from './schema.js';
import { isLockedByAnother } from './errors.js';
import { LOCK_WAIT_MS, waitingOutLock } from './sqlite-lock-wait.js';
import type { Db, Tx } from './types.js';

/** The most requests one commit answers, so that a request never waits behind many others. */
export const MAX_BATCH = 64;

interface BatchFailure {
  error: unknown;
}

interface Waiting {
  /** Runs the request's work; throws what the work threw. */
  run(tx: Tx): Promise<void>;
  /** Called once the batch has ended: committed, or failed as a whole. */
  answer(batchFailure?: BatchFailure): void;
  /** When (performance.now()) it stops waiting for another process's write lock. */
  lockDeadline: number;
}

/**
 * Group commit on SQLite's one writer connection. Transactions that arrive together run one
 * after another inside one SQLite transaction, each after the first in a savepoint of its own:
 * a request that fails rolls back to its savepoint alone (the first, the whole transaction that
 * holds only its work), and the next request starts only once the previous one has ended.
 * Every request is answered after the shared COMMIT; if the COMMIT fails, every request of the
 * batch fails with it. The batch is one write of the WAL (and one fsync with synchronous=FULL)
 * for many requests, and pages that several of them change, such as the ends of the same
 * indexes, are written once.
 *
 * A batch starts one turn of the event loop after its first request, so that the requests whose
 * bytes arrived together join it; it takes what waits when each request ends, and closes when
 * nothing waits or at `MAX_BATCH` requests. While another process holds the write lock, the
 * batch waits for it on a timer, the connection free for reads meanwhile, and the requests that
 * arrive join the queue. Each request waits for the lock `lockWaitMs` from when it came, no
 * longer: the batch waits until the first one's time is up, fails it alone, and the next batch
 * waits on for the rest.
 */
export class GroupCommit {
  private readonly waiting: Waiting[] = [];
  private scheduled = false;
  /** Until the last batch's commit is on disk, when there is a `durable` to wait for. */
  private syncing: Promise<void> | undefined;

  /**
   * `durable`, when given, resolves once the batch's commit is on disk: the requests are
   * answered after it, and the next batch starts after it too. The requests that arrive
   * meanwhile gather for that batch, so that one sync covers them all: started at once, it took
   * a sync of its own for fewer requests (3.3 a batch against 5.0 under the benchmark's load),
   * and each write took 15 % more CPU. `lockWaitMs` is how long a request waits
   * for another process's write lock before it fails. `walCaughtUp`, when it returns a
   * promise, holds the next batch until it resolves (see Checkpointer.caughtUp).
   */
  constructor(
    private readonly db: Db,
    private readonly options: {
      durable?: () => Promise<void>;
      lockWaitMs?: number;
      walCaughtUp?: () => Promise<void> | undefined;
    } = {},
  ) {}

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let outcome: { value: T } | { error: unknown } | undefined;
    const batchFailure = await new Promise<BatchFailure | undefined>((answer) => {
      this.waiting.push({
        async run(tx) {
          try {
            outcome = { value: await work(tx) };
          } catch (error) {
            outcome = { error };
            throw error;
          }
        },
        answer,
        lockDeadline: performance.now() + (this.options.lockWaitMs ?? LOCK_WAIT_MS),
      });
      this.schedule();
    });
    if (batchFailure) throw batchFailure.error;
    if (!outcome || 'error' in outcome) throw outcome?.error;
    return outcome.value;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.runBatch());
  }

  private async runBatch(): Promise<void> {
    const batch: Waiting[] = [];
    let failure: BatchFailure | undefined;
    const queued = this.waiting.length;
    // The queue is in order of arrival, so the first request's time is up first.
    const lockDeadline = this.waiting[0]?.lockDeadline ?? performance.now();
    try {
      // Awaited only when there is something to wait for: a batch starts without an extra turn.
      if (this.syncing) await this.syncing;
      const held = this.options.walCaughtUp?.();
      if (held) await held;
      const trx = await waitingOutLock(
        () => this.db.startTransaction().execute(),
        lockDeadline - performance.now(),
      );
      try {
        for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
          batch.push(next);
          // The first request has the transaction to itself, so if it fails, rolling all of it
          // back undoes its work alone. It runs without a savepoint, whose journal of every page
          // it changes made a withdrawal of 10,000 invitations take three times as long.
          if (batch.length === 1) await next.run(trx);
          else await runInSavepoint(trx, next);
          if (batch.length >= MAX_BATCH) break;
        }
        await trx.commit().execute();
      } catch (error) {
        // Left open by a failed COMMIT; already ended by an error that ends the transaction.
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw error;
      }
    } catch (error) {
      failure = { error };
      // A BEGIN that failed took no request yet. Past the lock's wait, those whose time is up get
      // its error; after any other error, those that waited for it from the start. The others
      // wait for the next batch.
      if (batch.length === 0)
        batch.push(...this.waiting.splice(0, this.failedBegin(error, queued, lockDeadline)));
    }
    this.scheduled = false;
    const durable = this.options.durable;
    const synced = !failure && durable ? this.holdWhileSyncing(durable()) : undefined;
    if (this.waiting.length > 0) this.schedule();
    // A commit whose sync failed is there but may not outlive a power loss: answered as failed.
    if (synced) failure = await synced;
    for (const request of batch) request.answer(failure);
  }

  /** Holds the next batch until `sync` of the batch just committed ends; what it failed with. */
  private holdWhileSyncing(sync: Promise<void>): Promise<BatchFailure | undefined> {
    const outcome = sync.then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    const ended = outcome.then(() => {
      if (this.syncing === ended) this.syncing = undefined;
    });
    this.syncing = ended;
    return outcome;
  }

  /** How many of the queue's first requests a BEGIN that failed with `error` fails. */
  private failedBegin(error: unknown, queued: number, lockDeadline: number): number {
    if (!isLockedByAnother(error)) return queued;
    const waitingOn = this.waiting.findIndex((w) => w.lockDeadline > lockDeadline);
    return waitingOn < 0 ? this.waiting.length : waitingOn;
  }
}

/** Compiled once: every request runs two of these. */
const SAVEPOINT = CompiledQuery.raw('savepoint request');
const ROLLBACK_TO = CompiledQuery.raw('rollback to request');
const RELEASE = CompiledQuery.raw('release request');

async function runInSavepoint(trx: ControlledTransaction<Schema>, request: Waiting): Promise<void> {
  await trx.executeQuery(SAVEPOINT);
  try {
    await request.run(trx);
  } catch (error) {
    // A full disk or an I/O error ends the whole transaction, savepoint included: then the
    // whole batch fails with that error.
    const undone = await trx
      .executeQuery(ROLLBACK_TO)
      .then(() => true)
      .catch(() => false);
    if (!undone) throw error;
  }
  await trx.executeQuery(RELEASE);
}
