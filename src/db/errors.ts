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

/**
 * SQLite's write lock (or the file, while another connection recovers it) is held by another
 * process: the statement did nothing and may simply run again.
 */
export function isLockedByAnother(error: unknown): boolean {
  return codeOf(error)?.startsWith('SQLITE_BUSY') ?? false;
}

/** Socket failures: the server went away, refused, or never answered. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's connection exceptions (class 08), a server shutting down or starting (57P01–57P03),
 * no connection slot left (53300), and a server that is up but will not serve the database: it
 * takes no connections (55000, ALLOW_CONNECTIONS false), is gone or renamed (3D000), or refuses
 * the credentials (class 28) — what an operator's maintenance does while Rapport runs.
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|53300|55000|3D000|28...)$/;

/** The pool's own words when a connection ends or cannot be had in time. */
const PG_CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i;

/**
 * A file another process holds locked past the busy timeout, a read-only or vanished file, or
 * a failing disk: the database is there but cannot be used for now.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|READONLY|CANTOPEN|IOERR|FULL)/;

/** Whether the database is unreachable or unusable for now, rather than the request being wrong. */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SQLITE_UNAVAILABLE.test(code)) return true;
    if (POSTGRES_UNAVAILABLE.test(code)) return true;
  }
  return typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message);
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * What keeps a database from being opened at all, whatever its setting says, besides its being
 * unavailable: a URL the driver cannot read, or a file that is no SQLite database.
 */
const UNOPENABLE_CODES = /^(ERR_INVALID_URL|SQLITE_NOTADB|SQLITE_CORRUPT)$/;

/** Whether `error` says the configured database cannot be used, rather than a fault of Rapport's. */
export function isUnusableDatabase(error: unknown): boolean {
  return isConnectionError(error) || UNOPENABLE_CODES.test(codeOf(error) ?? '');
}
