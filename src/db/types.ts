import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** Any connection: reads, and writes that need no transaction of their own. */
export type Db = Kysely<Schema>;

/**
 * Inside a transaction. Functions that lock rows or must write together with the caller's other
 * writes take a `Tx`, so the compiler refuses a call made outside one.
 */
export type Tx = Transaction<Schema>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /** Runs `fn` in one transaction; on PostgreSQL, retries serialization failures and deadlocks. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
