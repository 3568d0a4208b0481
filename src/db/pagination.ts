import { createHash } from 'node:crypto';
import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { DomainError } from '../lib/errors.js';
import { nameStatement } from './prepared.js';
import type { Db } from './types.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  /** The opaque cursor of the page before, if any. */
  cursor?: string;
  limit: number;
}

/** A page of a list a search narrows (SearchQuery in the API). */
export interface SearchRequest extends PageRequest {
  q: string;
}

/** A sort column's value in a row: text, or a number for a count or another figure. */
type KeyValue = string | number;

/**
 * The order of a list: its sort columns, the last of which is unique within the list so that
 * no two rows tie, and each column's value in a row, which the next page's cursor carries.
 * `numeric` names the columns that hold numbers; the others hold text.
 */
export interface Keyset<R> {
  /** Which list this is, so that a cursor given out for one is refused by another. */
  list: string;
  columns: readonly [string] | readonly [string, string];
  numeric?: readonly string[];
  order: 'asc' | 'desc';
  values: (row: R) => readonly [KeyValue] | readonly [KeyValue, KeyValue];
}

function invalidCursor(): DomainError {
  return new DomainError('validation_failed', 'The cursor is not one this server gave out.', {
    errors: [{ path: '/cursor', message: 'invalid cursor' }],
  });
}

function cursorOfAnotherList(): DomainError {
  return new DomainError(
    'validation_failed',
    'The cursor was given out for another list or order; ask for the first page again.',
    { errors: [{ path: '/cursor', message: 'cursor of another list or order' }] },
  );
}

const TAG_LENGTH = 8;

/**
 * The list and order a cursor is a position in, which it carries first: given to another list
 * (Received after Sent), to the same list read in another order (oldest first after newest
 * first), or ordered by other columns, its values would start a page that continues neither
 * list, so such a cursor is refused.
 */
function orderTag(keyset: Pick<Keyset<unknown>, 'list' | 'columns' | 'order'>): string {
  return createHash('sha256')
    .update(`${keyset.list} ${keyset.order} ${keyset.columns.join(' ')}`)
    .digest('base64url')
    .slice(0, TAG_LENGTH);
}

/** The cursor of the page that starts after `row`. */
function cursorAfter<R>(keyset: Keyset<R>, row: R): string {
  return Buffer.from(JSON.stringify([orderTag(keyset), ...keyset.values(row)])).toString(
    'base64url',
  );
}

/** A cursor's values, each of the type its column holds, so the database never sees a mismatch. */
function decodeCursor<R>(raw: string | undefined, keyset: Keyset<R>): KeyValue[] | null {
  if (raw === undefined || raw === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value)) throw invalidCursor();
  const parts: unknown[] = value;
  const [tag, ...items] = parts;
  if (typeof tag !== 'string' || tag.length !== TAG_LENGTH) throw invalidCursor();
  if (tag !== orderTag(keyset)) throw cursorOfAnotherList();
  if (items.length !== keyset.columns.length) throw invalidCursor();
  return keyset.columns.map((column, i): KeyValue => {
    const v = items[i];
    if (keyset.numeric?.includes(column)) {
      if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    } else if (typeof v === 'string') {
      return v;
    }
    throw invalidCursor();
  });
}

/**
 * One page of a keyset-ordered list (never OFFSET): the rows after the cursor in the keyset's
 * order, and a cursor for the next page when there is one. One extra row is read only to tell
 * whether a next page exists, so the cost of a page does not grow with the list.
 *
 * The page's statement is named as a prepared query's is, so that on PostgreSQL each connection
 * parses and plans a list once (see postgres-named-statements.ts): unnamed, the same generic plan
 * was made anew for every page, in 0.47 ms against the 0.08 ms of running it (a Sent page of the
 * busiest member of 20,000). A list's statements are few (its filters and orders, with or without
 * a cursor), since every value it is given travels as a parameter.
 */
export async function paginate<DB, TB extends keyof DB, R>(
  db: Db,
  query: SelectQueryBuilder<DB, TB, R>,
  keyset: Keyset<R>,
  page: PageRequest,
): Promise<Page<R>> {
  const after = decodeCursor(page.cursor, keyset);
  let ordered = query;
  for (const column of keyset.columns) ordered = ordered.orderBy(sql.ref(column), keyset.order);
  if (after) {
    const op = sql.raw(keyset.order === 'desc' ? '<' : '>');
    const columns = sql.join(keyset.columns.map((c) => sql.ref(c)));
    ordered = ordered.where(sql<SqlBool>`(${columns}) ${op} (${sql.join(after)})`);
  }
  const compiled = ordered.limit(page.limit + 1).compile();
  nameStatement(compiled.sql);
  const { rows } = await db.executeQuery(compiled);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > page.limit && last ? cursorAfter(keyset, last) : null,
  };
}

/** A page of rows presented as the API shows them. */
export function presentPage<R, T>(page: Page<R>, present: (row: R) => T): Page<T> {
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}
