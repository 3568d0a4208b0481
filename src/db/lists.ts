import { type RawBuilder, sql, type SqlBool } from 'kysely';
import { onPostgres } from './dialect.js';
import type { Db } from './types.js';

/**
 * `column in (values)`, or `not in`, for a list a member chose: up to thousands of ids. PostgreSQL
 * gets the values written into the SQL. Bound, they left its one generic plan for every call (see
 * database.ts) unable to hash the list, so it compared each row it read with every value: a
 * clean-up of 10,000 invitations chosen by id took 1.9 s to preview and 3.7 s to withdraw,
 * against 0.5 s and 0.6 s with the values written in. SQLite makes an index of a bound list.
 */
export function inList(
  db: Db,
  column: string,
  values: readonly string[],
  options: { not?: boolean } = {},
): RawBuilder<SqlBool> {
  const not = options.not ?? false;
  if (values.length === 0) return sql<SqlBool>`${sql.lit(not)}`;
  const list = onPostgres(db) ? sql.join(values.map((v) => sql.lit(v))) : sql.join(values);
  return not
    ? sql<SqlBool>`${sql.ref(column)} not in (${list})`
    : sql<SqlBool>`${sql.ref(column)} in (${list})`;
}

/**
 * On PostgreSQL the values in one array parameter (`inIdList`), for a chunk of ids found through
 * an index on the column (the effects of a clean-up, 500 at a time): PostgreSQL parses and binds
 * 500 parameters one by one, which cost the app 20–40 % more CPU and the backend 20–50 % more in
 * those statements, timed alone. SQLite: `inList`.
 */
export function anyOf(db: Db, column: string, values: readonly string[]): RawBuilder<SqlBool> {
  return onPostgres(db) ? inIdList(db, column, [...values]) : inList(db, column, values);
}

/** A list of ids as one statement parameter: see `inIdList`. */
export type IdList = string | string[];

/** `ids`, without repeats, as the parameter `inIdList` compares with. */
export function idList(db: Db, ids: readonly string[]): IdList {
  const distinct = [...new Set(ids)];
  return onPostgres(db) ? distinct : JSON.stringify(distinct);
}

/**
 * `column in` a list of ids given as one parameter (`idList`): an array on PostgreSQL, JSON that
 * SQLite's json_each reads. A statement over a page of ids then has one shape whatever the
 * page's length, so Kysely builds and compiles it once (prepared.ts); a list of bound values
 * made each length a statement of its own, built again at every call. Both databases look each
 * id up by its key, as they do for a list of values.
 */
export function inIdList(db: Db, column: string, ids: IdList): RawBuilder<SqlBool> {
  return onPostgres(db)
    ? sql<SqlBool>`${sql.ref(column)} = any(${ids}::text[])`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${ids}))`;
}
