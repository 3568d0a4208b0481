/**
 * What a database error means, for both dialects. The only place that reads driver error codes:
 * services and the error handler ask these questions instead.
 */

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as DriverError | null)?.code;
  return typeof code === 'string' ? code : undefined;
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
  const { constraint, message } = error as DriverError;
  if (typeof constraint === 'string') return constraint.includes(column);
  return typeof message === 'string' && message.includes(`${table}.${column}`);
}

/** PostgreSQL serialization failure or deadlock: the transaction may simply run again. */
const RETRYABLE_CODES = new Set(['40001', '40P01']);

export function isRetryableConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}
