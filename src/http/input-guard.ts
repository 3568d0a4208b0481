import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { asList } from '../lib/arrays.js';
import { DomainError, type ErrorCode } from '../lib/errors.js';

const MAX_DEPTH = 64;

/** Half of a UTF-16 pair without its other half: JSON's "\ud800" can carry one. */
const LONE_SURROGATE = /\p{Surrogate}/u;

interface Fault {
  code: ErrorCode;
  detail: string;
  message: string;
}

const NUL: Fault = {
  code: 'invalid_text',
  detail: 'Text may not contain NUL characters.',
  message: 'contains a NUL character',
};

const BROKEN: Fault = {
  code: 'invalid_text',
  detail: 'Text may not contain half of a character (a lone UTF-16 surrogate).',
  message: 'contains a lone UTF-16 surrogate',
};

function faultIn(text: string): Fault | null {
  if (text.includes('\u0000')) return NUL;
  return LONE_SURROGATE.test(text) ? BROKEN : null;
}

/**
 * The first string or key in a parsed input that may not be stored, and where it is below
 * `value`; the path is put together on the way out, so clean input builds none.
 */
function findFault(value: unknown, depth = 0): { fault: Fault; path: string } | null {
  if (typeof value === 'string') {
    const fault = faultIn(value);
    return fault && { fault, path: '' };
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  for (const [key, inner] of Object.entries(value)) {
    const keyFault = faultIn(key);
    if (keyFault) return { fault: keyFault, path: '' };
    const found = findFault(inner, depth + 1);
    if (found) return { fault: found.fault, path: `/${key}${found.path}` };
  }
  return null;
}

/**
 * Text that cannot be stored as it was sent is refused on both databases alike, before schema
 * validation: a NUL character (PostgreSQL cannot store one, so it would fail as a server error
 * there, and no member types one), and a lone surrogate (UTF-8 has no encoding for it, so each
 * database would keep other text than was sent, and not the same other text).
 */
function rejectUnstorableText(request: FastifyRequest): Promise<void> {
  const inputs = { params: request.params, query: request.query, body: request.body };
  for (const [where, value] of Object.entries(inputs)) {
    const found = findFault(value);
    if (found) {
      const { fault } = found;
      const path = `/${where}${found.path}`;
      return Promise.reject(
        new DomainError(fault.code, fault.detail, { errors: [{ path, message: fault.message }] }),
      );
    }
  }
  return Promise.resolve();
}

/**
 * Checks every route's input for text that cannot be stored, as one of the route's own checks:
 * those run after a POST's Idempotency-Key is claimed, so that the refusal is kept for it.
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.preValidation = [...asList(route.preValidation), rejectUnstorableText];
  });
}

/**
 * A query parameter given with no value (`?status=&q=`, as a form or a URL template leaves it)
 * means what leaving it out means: every filter then falls back to its default, where `status=`
 * was refused as no status the list knows.
 */
export function dropEmptyQueryValues(request: FastifyRequest): Promise<void> {
  const query = request.query;
  if (query !== null && typeof query === 'object') {
    for (const [name, value] of Object.entries(query))
      if (value === '') Reflect.deleteProperty(query, name);
  }
  return Promise.resolve();
}

/** Whether a request came with no body, or an empty one. */
function isNoBody(body: unknown): body is undefined | null | '' {
  return body === undefined || body === null || body === '';
}

/** Whether a parsed body says nothing: none, an empty one, or a JSON object without fields. */
function saysNothing(body: unknown): boolean {
  if (isNoBody(body)) return true;
  return typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
}

/** An operation that takes no body refuses one that says something. */
function rejectUnexpectedBody(request: FastifyRequest): Promise<void> {
  if (saysNothing(request.body)) return Promise.resolve();
  const message = 'must be empty: this operation takes no body';
  return Promise.reject(
    new DomainError('validation_failed', `The request is not valid: /body ${message}.`, {
      errors: [{ path: '/body', message }],
    }),
  );
}

/** The media types an operation reads its body in: as listed, or its body's `content`, else JSON. */
function mediaTypesRead(schema: FastifySchema): readonly string[] {
  if (schema.consumes) return schema.consumes;
  const body: unknown = schema.body;
  if (typeof body === 'object' && body !== null && 'content' in body) {
    const content: unknown = body.content;
    if (typeof content === 'object' && content !== null) return Object.keys(content);
  }
  return ['application/json'];
}

/** The media type of the request's body, without its parameters. */
function mediaTypeOf(request: FastifyRequest): string | undefined {
  return request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
}

function unreadMediaType(reads: readonly string[], type: string | undefined): DomainError {
  return new DomainError(
    'unsupported_media_type',
    `This operation reads ${reads.join(' or ')}, not ${type ?? 'a body without a media type'}.`,
  );
}

/**
 * The 415 of a body no parser reads (Fastify refuses it before the operation's own check, below),
 * worded as that check words it.
 */
export function unparsedMediaType(request: FastifyRequest): DomainError {
  return unreadMediaType(mediaTypesRead(request.routeOptions.schema ?? {}), mediaTypeOf(request));
}

/** A body in a media type the operation does not read is refused as its description says, 415. */
function rejectUnreadMediaType(request: FastifyRequest, reads: readonly string[]): Promise<void> {
  const type = mediaTypeOf(request);
  if (type === undefined || reads.includes(type)) return Promise.resolve();
  return Promise.reject(unreadMediaType(reads, type));
}

/** Whether a body schema is an object none of whose fields is required. */
export function requiresNoField(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Reflect.get(body, 'type') !== 'object')
    return false;
  const required: unknown = Reflect.get(body, 'required');
  return !Array.isArray(required) || required.length === 0;
}

/** No body, where every field is optional, means the fields' defaults, as `{}` does. */
function noBodyAsNoFields(request: FastifyRequest): Promise<void> {
  if (isNoBody(request.body)) request.body = {};
  return Promise.resolve();
}

/**
 * Bodies an operation does not read are refused. Whether an operation takes one is known when it
 * is registered, so each carries only its own check:
 * - An operation that takes no body (withdraw, accept, follow…) refuses one that says
 *   something, as SPEC §3 refuses unknown fields, instead of dropping it without a word: a
 *   client that sends `{"reason": …}` where none is read learns so. No body, an empty one and
 *   `{}` are welcome.
 * - An operation that takes one refuses it in a media type it does not read. text/plain and
 *   text/csv have parsers of their own (Fastify's, and the contacts import's), so such a body
 *   would otherwise be read, then refused as 400 by a JSON schema.
 */
export function refuseBodiesNotRead(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    let checks = [rejectUnexpectedBody];
    if (schema?.body !== undefined) {
      const reads = mediaTypesRead(schema);
      const check = (request: FastifyRequest) => rejectUnreadMediaType(request, reads);
      checks = requiresNoField(schema.body) ? [check, noBodyAsNoFields] : [check];
    }
    route.preValidation = [...asList(route.preValidation), ...checks];
  });
}
