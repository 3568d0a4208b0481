import type {
  FastifyError,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { isConnectionError, UNAVAILABLE_RETRY_SECONDS } from '../db/errors.js';
import type { Clock } from '../lib/clock.js';
import { DomainError, type ErrorCode } from '../lib/errors.js';
import { unparsedMediaType } from './input-guard.js';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  retryAt?: string;
  canFollow?: boolean;
  reason?: string;
  errors?: { path: string; message: string }[];
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Request too large',
  414: 'URL too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal error',
  503: 'Service unavailable',
};

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** The code of a problem that has none of its own: the status's, or the generic one of its class. */
function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status < 500 ? 'validation_failed' : 'internal_error');
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extras: Partial<ProblemBody> = {},
): ProblemBody {
  return {
    type: `urn:rapport:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extras,
  };
}

function fromDomain(error: DomainError): ProblemBody {
  const { retryAt, canFollow, reason, errors } = error.extras;
  return problem(error.status, error.code, error.message, {
    ...(retryAt ? { retryAt: retryAt.toISOString() } : {}),
    ...(canFollow !== undefined ? { canFollow } : {}),
    ...(reason ? { reason } : {}),
    ...(errors ? { errors } : {}),
  });
}

/** R34: the database is unreachable or unusable for now. */
export function unavailable(): ProblemBody {
  return problem(
    503,
    'service_unavailable',
    'The service cannot reach its database right now. Please try again shortly.',
  );
}

/** PostgreSQL refusing text it cannot store (such as a NUL character): the request's fault. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

const ROUTER_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid: a part of it is not properly percent-encoded.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the URL is too long.',
};

/**
 * Ajv's errors as a client reads them. A field that takes one of a few values fails once for
 * each value and once more for their union ("must be equal to constant" three times, then "must
 * match a schema in anyOf"), which never says what it takes: it gets one "must be one of" instead.
 */
function fieldErrors(
  validation: FastifySchemaValidationError[],
  where: string,
): { path: string; message: string }[] {
  const allowed = new Map<string, string[]>();
  for (const v of validation) {
    if (v.keyword !== 'const') continue;
    const values = allowed.get(v.instancePath) ?? [];
    allowed.set(v.instancePath, [...values, JSON.stringify(v.params.allowedValue)]);
  }
  const errors: { path: string; message: string }[] = [];
  const told = new Set<string>();
  for (const v of validation) {
    const path = `/${where}${v.instancePath}`;
    const values = allowed.get(v.instancePath);
    if (!values || (v.keyword !== 'const' && v.keyword !== 'anyOf')) {
      errors.push({ path, message: v.message ?? 'is not valid' });
    } else if (!told.has(path)) {
      told.add(path);
      const message =
        values.length === 1 ? `must be ${values.join('')}` : `must be one of ${values.join(', ')}`;
      errors.push({ path, message });
    }
  }
  return errors;
}

function fromFastify(error: Error & Partial<FastifyError>): ProblemBody {
  if (UNSTORABLE_TEXT.has(String(error.code))) {
    return problem(400, 'validation_failed', 'The request contains text that cannot be stored.');
  }
  const routerDetail = ROUTER_DETAILS[String(error.code)];
  if (routerDetail)
    return problem(error.statusCode === 414 ? 414 : 400, 'validation_failed', routerDetail);
  if (error.validation) {
    const errors = fieldErrors(error.validation, error.validationContext ?? 'request');
    const detail = errors.map((e) => `${e.path} ${e.message}`).join('; ');
    return problem(400, 'validation_failed', `The request is not valid: ${detail}.`, { errors });
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  const code = codeForStatus(status);
  if (status >= 500)
    return problem(500, 'internal_error', 'Something went wrong on our side. Please try again.');
  const detail =
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
      ? 'The request body is not valid JSON.'
      : error.message;
  return problem(status, code, detail);
}

/**
 * The router's own refusals (a malformed or over-long URL), answered as problem details like
 * every other error instead of Fastify's default body. Passed as Fastify's `frameworkErrors`.
 */
export function routerErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = fromFastify(error);
  void reply.status(body.status).type('application/problem+json').send(body);
}

/** What Node's HTTP parser refused, before Fastify saw a request: status and detail. */
function unreadable(error: NodeJS.ErrnoException): [number, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [408, 'The request did not arrive in time.'];
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return [431, 'The request headers are larger than this server reads.'];
  return [
    400,
    'The request could not be read: its request line or headers are malformed. Characters outside ASCII in a URL must be percent-encoded.',
  ];
}

/**
 * A request Node's HTTP parser refused (a raw non-ASCII byte in the URL, say) is answered with
 * problem details too, instead of Fastify's default body. It has no request or reply: the answer
 * is written to the socket, which then closes. Passed as Fastify's `clientErrorHandler`.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = unreadable(error);
  const body = JSON.stringify(problem(status, codeForStatus(status), detail));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** The problem details `error` is answered with, and the headers that go with them. */
export function problemOf(
  error: Error,
  clock: Clock,
): { body: ProblemBody; headers: Record<string, string> } {
  if (isConnectionError(error)) {
    return {
      body: unavailable(),
      headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) },
    };
  }
  const body = error instanceof DomainError ? fromDomain(error) : fromFastify(error);
  if (body.retryAt && (body.status === 429 || body.code === 'idempotency_key_in_use')) {
    const seconds = Math.ceil((new Date(body.retryAt).getTime() - clock.now().getTime()) / 1000);
    return { body, headers: { 'retry-after': String(Math.max(1, seconds)) } };
  }
  return { body, headers: {} };
}

/** The one error handler: domain errors and request errors become problem details; 5xx details stay in the log. */
export function createErrorHandler(clock: Clock) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const unparsed = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
    const { body, headers } = problemOf(unparsed ? unparsedMediaType(request) : error, clock);
    // Expected while the database is away (R34): a warning, and the client is told when to retry.
    if (isConnectionError(error)) request.log.warn({ err: error }, 'database unavailable');
    else if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(body.status).headers(headers).type('application/problem+json').send(body);
  };
}
