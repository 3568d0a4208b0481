/**
 * On PostgreSQL every statement is a round trip, and a request's code issues the next only when
 * the last has answered. Inside a transaction, a write whose result nobody reads (a notification,
 * a mail, a counter: prepared with `deferrable`) waits and travels with the next statement as a
 * WITH clause, so an accept's six effect writes and its webhook read are one round trip.
 *
 * All parts of one statement see the same snapshot, so a write only waits when that cannot
 * change an outcome: the next statement touches none of its tables (else the waiting writes go
 * first, on their own), and no waiting write is an update or delete of a table another waiting
 * write inserted into, nor the same statement twice. A waiting write's error surfaces with the
 * statement it travels with, inside the same transaction, which then rolls back as before.
 */

/** The SQL of every deferrable prepared write (see prepared.ts). */
const deferrable = new Set<string>();

const WRITE = /^(insert into|update|delete from) "(\w+)"/;

/**
 * Marks `sql` as a write that may wait; only plain Kysely SQL qualifies (quoted tables, no
 * string literals), which the parameter renumbering and the table reading below rely on.
 */
export function markDeferrable(sql: string): void {
  if (WRITE.test(sql) && !sql.includes("'")) deferrable.add(sql);
}

interface Waiting {
  sql: string;
  values: unknown[];
  table: string;
  inserts: boolean;
}

/** The tables a statement names, or null when it names one that is not a quoted identifier. */
function tablesOf(sql: string): Set<string> | null {
  if (/\b(from|join|into|update)\s+[^"\s(]/i.test(sql)) return null;
  return new Set(
    [...sql.matchAll(/\b(?:from|join|into|update)\s+"(\w+)"/gi)].map((m) => m[1] ?? ''),
  );
}

/** `sql` with its parameters $1… renumbered from `offset + 1`. */
function renumbered(sql: string, offset: number): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/**
 * Each deferrable write's renumberings, by offset: the same few writes travel with every
 * request, and renumbering one anew each time was 1.3 % of a send's samples on PostgreSQL.
 */
const renumberings = new Map<string, string[]>();

/**
 * `sql` renumbered as `renumbered` does; only a deferrable write's renumbering is kept, since
 * other SQL may vary without end.
 */
function shifted(sql: string, offset: number): string {
  if (offset === 0) return sql;
  if (!deferrable.has(sql)) return renumbered(sql, offset);
  let byOffset = renumberings.get(sql);
  if (!byOffset) renumberings.set(sql, (byOffset = []));
  return (byOffset[offset] ??= renumbered(sql, offset));
}

export interface Statement {
  sql: string;
  values: unknown[];
  /** For a statement that carries waiting writes: the SQL of its own part. */
  primary?: string;
}

/** The writes one connection holds back within its current transaction. */
export class WriteBatch {
  private waiting: Waiting[] = [];
  private inTransaction = false;

  /** Whether the connection is inside a transaction it began. */
  get open(): boolean {
    return this.inTransaction;
  }

  /**
   * Takes `statement` into the batch and returns true when it may wait; otherwise returns the
   * statements to send in its place, in order: the batch on its own when it must go first, and
   * the statement, carrying the batch when it can.
   */
  plan(statement: Statement): Statement[] | true {
    const { sql } = statement;
    if (sql === 'begin') this.inTransaction = true;
    if (sql === 'commit' || sql === 'rollback') this.inTransaction = false;
    if (sql === 'rollback') this.waiting = [];
    const write = WRITE.exec(sql);
    if (this.inTransaction && write && deferrable.has(sql)) {
      const table = write[2] ?? '';
      const inserts = write[1] === 'insert into';
      const clash = this.waiting.some(
        (w) => w.sql === sql || (w.table === table && w.inserts && !inserts),
      );
      const before = clash ? this.takeAll() : [];
      this.waiting.push({ sql, values: statement.values, table, inserts });
      return before.length > 0 ? before : true;
    }
    if (this.waiting.length === 0) return [statement];
    const tables = tablesOf(sql);
    const independent =
      tables !== null &&
      /^(select|insert|update|delete)\b/i.test(sql) &&
      !/^with\b/i.test(sql) &&
      this.waiting.every((w) => !tables.has(w.table));
    if (!independent) return [...this.takeAll(), statement];
    return [this.carrying(statement)];
  }

  /** The batch as one statement of its own. */
  private takeAll(): Statement[] {
    if (this.waiting.length === 0) return [];
    const [last, ...rest] = this.waiting.splice(0).reverse();
    if (!last) return [];
    this.waiting = rest.reverse();
    return [this.carrying({ sql: last.sql, values: last.values })];
  }

  /** `statement` preceded by every waiting write as a WITH clause. */
  private carrying(statement: Statement): Statement {
    const parts: string[] = [];
    const values: unknown[] = [];
    for (const [i, w] of this.waiting.splice(0).entries()) {
      parts.push(`w${i + 1} as (${shifted(w.sql, values.length)})`);
      values.push(...w.values);
    }
    if (parts.length === 0) return statement;
    return {
      sql: `with ${parts.join(', ')} ${shifted(statement.sql, values.length)}`,
      values: [...values, ...statement.values],
      primary: statement.sql,
    };
  }
}
