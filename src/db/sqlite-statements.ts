import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqlite, SqliteStatement } from 'kysely';
import { BoundedMap } from '../lib/bounded-map.js';

const CACHED_STATEMENTS = 500;

type Row = Record<string, unknown>;
type RowMaker = (values: unknown[]) => Row;

/**
 * A function that makes one object literal of a statement's columns from a row's values. V8
 * builds such a literal in one step, with one shape shared by every row of the statement.
 */
function rowMaker(columns: string[]): RowMaker {
  // Computed keys define own properties whatever the name ("__proto__" included); a repeated
  // name keeps its last value, as better-sqlite3's own rows do.
  const fields = columns.map((name, i) => `[${JSON.stringify(name)}]: values[${i}]`);
  // The source holds only column names, each quoted as a JSON string.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-type-assertion
  return new Function('values', `return { ${fields.join(', ')} };`) as RowMaker;
}

/**
 * A statement whose rows arrive as arrays. better-sqlite3 builds a row object through V8's API
 * one property at a time, which costs more than SQLite takes to find the row: a member's 25
 * columns took 6 µs of a 10 µs lookup, 20 invitations 86 µs, where arrays made into objects
 * take 3.5 and 39.
 */
class ArrayRowStatement implements SqliteStatement {
  readonly reader: boolean;
  private makeRow: RowMaker = () => ({});
  private width = -1;

  constructor(private readonly statement: SqliteDatabase.Statement) {
    this.reader = statement.reader;
    if (this.reader) statement.raw(true);
  }

  get busy(): boolean {
    return this.statement.busy;
  }

  private toRow(values: unknown[]): Row {
    // SQLite prepares a statement again after a schema change, so `select *` may widen.
    if (values.length !== this.width) {
      this.makeRow = rowMaker(this.statement.columns().map((c) => c.name));
      this.width = values.length;
    }
    return this.makeRow(values);
  }

  all(parameters: readonly unknown[]): Row[] {
    // Raw mode answers every row as an array of its values.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
    const rows = this.statement.all(parameters) as unknown[][];
    const objects = new Array<Row>(rows.length);
    for (let i = 0; i < rows.length; i++) objects[i] = this.toRow(rows[i] ?? []);
    return objects;
  }

  run(parameters: readonly unknown[]) {
    return this.statement.run(parameters);
  }

  *iterate(parameters: readonly unknown[]): IterableIterator<Row> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
    for (const values of this.statement.iterate(parameters) as IterableIterator<unknown[]>)
      yield this.toRow(values);
  }
}

/**
 * Kysely prepares every statement anew, and on SQLite preparing costs about as much as running
 * a small query. Statements are kept by their SQL (least recently used dropped first); one
 * still being iterated is never handed out twice.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqlite {
  const statements = new BoundedMap<string, ArrayRowStatement>(CACHED_STATEMENTS);
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      const statement =
        cached && !cached.busy ? cached : new ArrayRowStatement(sqlite.prepare(sql));
      statements.set(sql, statement);
      return statement;
    },
  };
}
