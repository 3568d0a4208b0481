/** Classifying database errors, on both databases, for the one error handler and the probes. */

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
 * PostgreSQL's connection exceptions (class 08), a server shutting down or starting (57P01–57P03)
 * and no connection slot left (53300).
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;

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
