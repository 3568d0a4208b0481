/**
 * What a database error means, for both dialects. The only place that reads driver error codes:
 * services and the error handler ask these questions instead.
 */

/** A string property of a driver error, if it has one. */
function fieldOf(error: unknown, name: 'code' | 'constraint' | 'message'): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value: unknown = Reflect.get(error, name);
  return typeof value === 'string' ? value : undefined;
}

function codeOf(error: unknown): string | undefined {
  return fieldOf(error, 'code');
}

const UNIQUE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** A unique index refused the write: another request made the same row first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && UNIQUE_CODES.has(code);
}

/**
 * Whether a unique violation was on `table.column`: PostgreSQL names the constraint (whose name
 * holds the column), SQLite the column in its message.
 */
export function violatesUniqueColumn(error: unknown, table: string, column: string): boolean {
  if (!isUniqueViolation(error)) return false;
  const constraint = fieldOf(error, 'constraint');
  if (constraint !== undefined) return constraint.includes(column);
  return fieldOf(error, 'message')?.includes(`${table}.${column}`) ?? false;
}

/** PostgreSQL serialization failure or deadlock: the transaction may simply run again. */
const RETRYABLE_CODES = new Set(['40001', '40P01']);

export function isRetryableConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}
