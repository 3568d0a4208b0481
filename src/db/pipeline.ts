/**
 * Statements of one transaction that do not depend on each other's answers, sent together. On
 * PostgreSQL each statement a request waits for is a round trip, and its cost in both processes
 * (a socket write, a wake-up, the protocol's parsing) is most of what a small statement costs;
 * statements sent back to back on the pipelined connection share one. On SQLite they run in turn.
 *
 * Kysely runs a transaction's queries one at a time, each after the last has answered, so the
 * steps go to the transaction's connection directly, all issued before the first answer is read.
 */
import type { DatabaseConnection } from 'kysely';
import type { Tx } from './types.js';

/** One statement of a pipeline, and what its caller takes from its answer. */
export interface Step<T> {
  /** Issues the statement on `connection` at once (before any await), and reads its answer. */
  run(connection: DatabaseConnection): Promise<T>;
}

type Answers<S extends readonly Step<unknown>[]> = {
  -readonly [K in keyof S]: S[K] extends Step<infer T> ? T : never;
};

/**
 * Runs `steps` in order, each sent without waiting for the one before it, and gives back what
 * each takes from its answer. A step whose statement fails fails the whole, as a statement that
 * fails in a transaction does; the ones sent after it fail too, for the transaction is aborted.
 */
export function pipelined<S extends readonly Step<unknown>[]>(
  tx: Tx,
  ...steps: S
): Promise<Answers<S>> {
  return tx.getExecutor().provideConnection(
    (connection) =>
      // Promise.all keeps the steps' order; no type maps a tuple through Array.prototype.map.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
      Promise.all(steps.map((step) => step.run(connection))) as Promise<Answers<S>>,
  );
}
