import { type Expression, type RawBuilder, sql, type SqlBool } from 'kysely';

/**
 * The LIKE pattern for text containing the trimmed, lower-cased `q`, each `%`, `_` and `\` in it
 * escaped so it matches only itself; null when `q` is blank.
 */
export function containsPattern(q: string): string | null {
  const text = q.trim().toLowerCase();
  return text === '' ? null : `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}

/**
 * `value LIKE pattern` for a pattern from `containsPattern`. SQLite has no escape character
 * unless told one; PostgreSQL's default is `\` already, named too so both read the pattern alike.
 */
export function likePattern(
  value: Expression<string | null>,
  pattern: string,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`${value} like ${pattern} escape '\\'`;
}
