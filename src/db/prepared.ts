import type { Compilable, CompiledQuery, DialectAdapter, QueryResult } from 'kysely';
import type { Check } from './carried-check.js';
import type { Step } from './pipeline.js';
import { markDeferrable } from './postgres-write-batch.js';
import type { Db } from './types.js';

const NAME = Symbol('parameter name');

interface Placeholder {
  readonly [NAME]: string;
}

function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && NAME in value;
}

/** Stands in for the arguments while the query is built: each property a named placeholder. */
function placeholders<P extends object>(args: P): P {
  // Each property of P stands in for its value while the query is built; no type says that.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return Object.fromEntries(Object.keys(args).map((name) => [name, { [NAME]: name }])) as P;
}

/** The SQL of every prepared query, and the name PostgreSQL keeps its plan under. */
const statementNames = new Map<string, string>();

export function statementName(sql: string): string | undefined {
  return statementNames.get(sql);
}

/** Gives `sql` a name of its own, for a statement made of prepared ones. */
export function nameStatement(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `rapport_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

export interface PrepareOptions {
  /**
   * A write whose result no caller reads: inside a transaction on PostgreSQL it may travel with
   * the next statement (see postgres-write-batch.ts), so `execute` tells nothing of its rows.
   */
  deferrable?: boolean;
}

interface Compiled<O> {
  query: CompiledQuery<O>;
  /** Per SQL parameter: the argument it takes, or the constant the query was built with. */
  slots: ({ argument: string } | { constant: unknown })[];
}

/**
 * A query that Kysely builds and compiles once per database instead of on every call: on the
 * request paths, building and compiling cost more than SQLite takes to run the statement.
 * The query is built with placeholders for its arguments, which each call swaps for real values,
 * so every call passes the same argument names; an absent value is bound as NULL. Only fixed
 * shapes qualify: an optional clause or a list of bound values changes the SQL itself (a list
 * of ids can travel as one parameter instead: `inIdList`).
 */
export class PreparedQuery<P extends object, O> {
  private readonly compiled = new WeakMap<DialectAdapter, Compiled<O>>();

  constructor(
    private readonly build: (db: Db, args: P) => Compilable<O>,
    private readonly options: PrepareOptions = {},
  ) {}

  private compiledFor(db: Db, args: P): Compiled<O> {
    const adapter = db.getExecutor().adapter;
    let compiled = this.compiled.get(adapter);
    if (!compiled) {
      const query = this.build(db, placeholders(args)).compile();
      nameStatement(query.sql);
      if (this.options.deferrable) markDeferrable(query.sql);
      compiled = {
        query,
        slots: query.parameters.map((value) =>
          isPlaceholder(value) ? { argument: value[NAME] } : { constant: value },
        ),
      };
      this.compiled.set(adapter, compiled);
    }
    return compiled;
  }

  private bound(db: Db, args: P): CompiledQuery<O> {
    const { query, slots } = this.compiledFor(db, args);
    const parameters = slots.map((slot) => {
      if (!('argument' in slot)) return slot.constant;
      const value: unknown = Reflect.get(args, slot.argument);
      return value ?? null;
    });
    return { ...query, parameters };
  }

  execute(db: Db, args: P): Promise<QueryResult<O>> {
    return db.executeQuery<O>(this.bound(db, args));
  }

  /** This query as one step of a pipeline (see pipeline.ts), its rows read by `take`. */
  step<T>(db: Db, args: P, take: (rows: O[]) => T): Step<T> {
    const query = this.bound(db, args);
    return { run: (connection) => connection.executeQuery<O>(query).then((r) => take(r.rows)) };
  }

  /** This query as a check that a request's first statement carries (see carried-check.ts). */
  check(db: Db, args: P, verify: (rows: O[]) => void): Check {
    const query = this.bound(db, args);
    return {
      statement: { sql: query.sql, values: [...query.parameters] },
      // The rows are this query's own, answered to its SQL.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
      verify: (rows) => verify(rows as O[]),
      runAlone: async () => (await db.executeQuery(query)).rows,
    };
  }

  async all(db: Db, args: P): Promise<O[]> {
    return (await this.execute(db, args)).rows;
  }

  async first(db: Db, args: P): Promise<O | undefined> {
    return (await this.execute(db, args)).rows[0];
  }

  /** Rows an insert, update or delete changed. */
  async affected(db: Db, args: P): Promise<number> {
    return Number((await this.execute(db, args)).numAffectedRows ?? 0);
  }
}

export function prepare<P extends object, O>(
  build: (db: Db, args: P) => Compilable<O>,
  options?: PrepareOptions,
): PreparedQuery<P, O> {
  return new PreparedQuery(build, options);
}

/**
 * A prepared query for each variant of one shape, made at its first use: for a literal that a
 * partial index must see in the SQL, or an optional clause, which change the SQL itself. `key`
 * names a variant; variants of one name build the same SQL.
 */
export function prepareEach<V, P extends object, O>(
  key: (variant: V) => string,
  build: (variant: V) => (db: Db, args: P) => Compilable<O>,
): (variant: V) => PreparedQuery<P, O> {
  const made = new Map<string, PreparedQuery<P, O>>();
  return (variant) => {
    const name = key(variant);
    let query = made.get(name);
    if (!query) {
      query = prepare(build(variant));
      made.set(name, query);
    }
    return query;
  };
}
