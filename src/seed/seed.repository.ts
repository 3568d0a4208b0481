/**
 * Bulk writes for the network generator. Kysely prepares every statement anew, which for a
 * 500-row INSERT costs about half as much again as running it, so this loader holds its own
 * connection with statements prepared once: better-sqlite3 on SQLite, named statements on
 * PostgreSQL. It writes the same tables and columns as the repositories do.
 */
import SqliteDatabase from 'better-sqlite3';
import type * as Pg from 'pg';
import { requireWhenNeeded } from '../lib/require-when-needed.js';
import { elementAt } from '../lib/arrays.js';

export type Row = readonly unknown[];

export const COLUMNS = {
  members: [
    'id',
    'email',
    'password_hash',
    'name',
    'handle',
    'headline',
    'company',
    'industry',
    'location',
    'search_text',
    'created_at',
    'updated_at',
    'connection_count',
    'invitation_policy',
    'email_on_invitation',
    'email_reminders',
    'email_on_accept',
    'page_invitations',
    'auto_withdraw_after_days',
    'restricted_until',
    'email_verified_at',
  ],
  access_tokens: ['id', 'member_id', 'name', 'token_hash', 'created_at', 'last_used_at'],
  invitations: [
    'id',
    'kind',
    'sender_id',
    'recipient_id',
    'target_id',
    'status',
    'note',
    'how_known',
    'sent_at',
    'updated_at',
    'responded_at',
    'ignored_at',
    'ignore_reason',
    'withdrawn_at',
    'withdraw_cause',
    'kept',
    'remind_at',
    'reminders_sent',
    'expires_at',
  ],
  connections: ['member_id', 'peer_id', 'created_at'],
  follows: ['follower_id', 'followee_id', 'created_at'],
  notifications: ['id', 'member_id', 'type', 'actor_id', 'invitation_id', 'created_at', 'read_at'],
  pages: ['id', 'name', 'description', 'created_by', 'created_at'],
  page_admins: ['page_id', 'member_id'],
  page_followers: ['page_id', 'member_id', 'created_at'],
  page_credits: ['page_id', 'month', 'used'],
  events: ['id', 'name', 'description', 'location', 'starts_at', 'created_by', 'created_at'],
  event_organizers: ['event_id', 'member_id'],
  event_attendees: ['event_id', 'member_id', 'created_at'],
} as const;

export type SeedTable = keyof typeof COLUMNS;

/** Rows per statement: well under both databases' limits on bound parameters. */
const ROWS_PER_STATEMENT = 500;

export interface BulkWriter {
  dialect: 'sqlite' | 'postgres';
  /** Inserts rows in one transaction, as multi-row statements. */
  insert(table: SeedTable, rows: Row[]): Promise<void>;
  count(table: SeedTable): Promise<number>;
  /**
   * Drops the secondary indexes of empty tables, which are far cheaper to build once at the end
   * than to keep up row by row; `restore` builds them again from their own definitions.
   */
  deferIndexes(
    tables: SeedTable[],
  ): Promise<{ restore(onEach?: () => void): Promise<void>; count: number }>;
  /** Members whose handle is taken already, to keep a second run's handles apart. */
  handlesTaken(handles: string[]): Promise<number>;
  /** Refreshes the planner's statistics after a bulk load. */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

function insertSql(table: SeedTable, rows: number, placeholder: (n: number) => string): string {
  const columns = COLUMNS[table];
  let n = 0;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) tuples.push(`(${columns.map(() => placeholder(++n)).join(',')})`);
  return `insert into ${table} (${columns.join(',')}) values ${tuples.join(',')}`;
}

function flatten(rows: Row[], from: number, to: number, out: unknown[]): unknown[] {
  out.length = 0;
  for (let r = from; r < to; r++) {
    const row = elementAt(rows, r);
    for (let c = 0; c < row.length; c++) out.push(row[c]);
  }
  return out;
}

export function openBulkWriter(databaseUrl: string): Promise<BulkWriter> {
  if (databaseUrl.startsWith('sqlite:'))
    return Promise.resolve(sqliteWriter(databaseUrl.slice('sqlite:'.length)));
  return postgresWriter(databaseUrl);
}

function sqliteWriter(file: string): BulkWriter {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  // A generator run is repeatable, so it trades crash safety for speed; parents are written first.
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -512000');
  db.pragma('threads = 2');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, SqliteDatabase.Statement>();
  const statement = (table: SeedTable, rows: number) => {
    const key = `${table}:${rows}`;
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = db.prepare(insertSql(table, rows, () => '?'));
      statements.set(key, prepared);
    }
    return prepared;
  };
  const params: unknown[] = [];
  const insertAll = db.transaction((table: SeedTable, rows: Row[]) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const end = Math.min(rows.length, i + ROWS_PER_STATEMENT);
      statement(table, end - i).run(flatten(rows, i, end, params));
    }
  });
  return {
    dialect: 'sqlite',
    insert(table, rows) {
      if (rows.length > 0) insertAll(table, rows);
      return Promise.resolve();
    },
    count(table) {
      return Promise.resolve(
        db.prepare<[], { n: number }>(`select count(*) as n from ${table}`).get()?.n ?? 0,
      );
    },
    deferIndexes(tables) {
      const dropped: { name: string; sql: string }[] = [];
      for (const table of tables) {
        if (db.prepare(`select 1 from ${table} limit 1`).get() !== undefined) continue;
        const indexes = db
          .prepare<[string], { name: string; sql: string }>(
            `select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`,
          )
          .all(table);
        for (const index of indexes) {
          db.exec(`drop index ${index.name}`);
          dropped.push(index);
        }
      }
      return Promise.resolve({
        count: dropped.length,
        restore(onEach) {
          for (const index of dropped.splice(0)) {
            db.exec(index.sql);
            onEach?.();
          }
          return Promise.resolve();
        },
      });
    },
    handlesTaken(handles) {
      if (handles.length === 0) return Promise.resolve(0);
      const row = db
        .prepare<[string[]], { n: number }>(
          `select count(*) as n from members where handle in (${handles.map(() => '?').join(',')})`,
        )
        .get(handles);
      return Promise.resolve(row?.n ?? 0);
    },
    analyze() {
      db.exec('analyze');
      return Promise.resolve();
    },
    close() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return Promise.resolve();
    },
  };
}

async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new (requireWhenNeeded<typeof Pg>('pg').Client)({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const named = new Set<string>();
  const params: unknown[] = [];
  const run = async (table: SeedTable, rows: Row[], from: number, to: number) => {
    const name = `seed_${table}_${to - from}`;
    const text = named.has(name) ? '' : insertSql(table, to - from, (n) => `$${n}`);
    named.add(name);
    await client.query({ name, text, values: flatten(rows, from, to, params) });
  };
  return {
    dialect: 'postgres',
    async insert(table, rows) {
      if (rows.length === 0) return;
      await client.query('begin');
      try {
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          await run(table, rows, i, Math.min(rows.length, i + ROWS_PER_STATEMENT));
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
    async count(table) {
      const result = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
      return Number(result.rows[0]?.n ?? 0);
    },
    async deferIndexes(tables) {
      const dropped: { name: string; sql: string }[] = [];
      for (const table of tables) {
        if ((await client.query(`select 1 from ${table} limit 1`)).rowCount) continue;
        // Indexes that back a primary key or unique constraint stay: they are the constraint.
        const indexes = await client.query<{ name: string; sql: string }>(
          `select i.indexname as name, i.indexdef as sql from pg_indexes i
           where i.schemaname = current_schema() and i.tablename = $1
             and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
          [table],
        );
        for (const index of indexes.rows) {
          await client.query(`drop index ${index.name}`);
          dropped.push(index);
        }
      }
      return {
        count: dropped.length,
        async restore(onEach) {
          await client.query(`set maintenance_work_mem = '256MB'`);
          for (const index of dropped.splice(0)) {
            await client.query(index.sql);
            onEach?.();
          }
        },
      };
    },
    async handlesTaken(handles) {
      if (handles.length === 0) return 0;
      const result = await client.query<{ n: string }>(
        'select count(*) as n from members where handle = any($1)',
        [handles],
      );
      return Number(result.rows[0]?.n ?? 0);
    },
    async analyze() {
      await client.query('analyze');
    },
    async close() {
      await client.end();
    },
  };
}
