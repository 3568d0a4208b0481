import type { Kysely, OperandExpression, Transaction } from 'kysely';
import type { Schema } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export const SQLITE_SYNCHRONOUS = ['normal', 'full'] as const;
/** SQLite's `synchronous` pragma in WAL mode: `full` survives a power loss, `normal` a crash. */
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS)[number];

/** Any connection: reads, and writes that need no transaction of their own. */
export type Db = Kysely<Schema>;

/**
 * Inside a transaction. Functions that lock rows or must write together with the caller's other
 * writes take a `Tx`, so the compiler refuses a call made outside one.
 */
export type Tx = Transaction<Schema>;

/**
 * What a query helper compares a column with: a value bound as a parameter, or an expression
 * (a subquery) that the statement works out itself, so that one statement need not wait for
 * the answer of another to know it.
 */
export type Operand<T> = T | OperandExpression<T>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /**
   * Runs `fn` in one transaction, and settles once it is committed or rolled back. On PostgreSQL
   * it retries serialization failures and deadlocks; on SQLite transactions that arrive together
   * share one commit, each in a savepoint of its own (db/group-commit.ts).
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`, a transaction that changes thousands of rows (a clean-up), with a wider page
   * cache on SQLite while it runs; PostgreSQL runs it as it is.
   */
  withRoomForMany<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
