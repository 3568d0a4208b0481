import { Type } from '@sinclair/typebox';
import type {
  FastifyRequest,
  onSendAsyncHookHandler,
  preValidationAsyncHookHandler,
} from 'fastify';
import type { IdempotencyService } from '../modules/idempotency/idempotency.service.js';
import { requestHash } from '../modules/idempotency/idempotency.service.js';
import { asList } from '../lib/arrays.js';
import { problemResponse } from './common.schemas.js';
import type { App } from './types.js';

const HEADER = 'idempotency-key';

const KEY_LENGTH = { minLength: 1, maxLength: 255 };

/** A key the header's schema takes; claimed before that schema is checked, so checked here too. */
function isKey(key: unknown): key is string {
  return (
    typeof key === 'string' &&
    key.length >= KEY_LENGTH.minLength &&
    key.length <= KEY_LENGTH.maxLength
  );
}

const IdempotencyHeaders = Type.Object({
  [HEADER]: Type.Optional(
    Type.String({
      ...KEY_LENGTH,
      description:
        'Repeat a POST safely (R36): within 24 hours the same key and body get the first answer again.',
    }),
  ),
});

/** The requests that run under a key this process claimed, so their answer is kept. */
const claimed = new WeakMap<FastifyRequest, { memberId: string; key: string }>();

/**
 * R36 on every POST registered after this in `api`: the `Idempotency-Key` header is declared
 * (and validated) on each, a signed-in member's key is claimed before the request's body is
 * checked, and the answer is stored when it is sent. A body that its schema refuses is a first
 * answer like any other: claimed after the check, it let the same key run with another body
 * once the first was corrected, where R36 answers 422. Without a member (sign-up, sign-in,
 * password reset, unsubscribe) the header has no effect: those answers carry a fresh session or
 * act on a link's token, and a key belongs to a member.
 */
export function registerIdempotency(api: App, service: IdempotencyService): void {
  const admit = admitWith(service);
  const keep = keepWith(service);
  api.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || route.schema?.hide) return;
    const response = route.schema?.response;
    route.schema = {
      ...route.schema,
      headers: route.schema?.headers ?? IdempotencyHeaders,
      response:
        typeof response === 'object' && response !== null
          ? {
              ...response,
              422: problemResponse('The Idempotency-Key was used with another request'),
            }
          : response,
    };
    // On POST routes only: every other request would pay for two hooks that do nothing. First
    // of the route's own checks of its input, so that each refusal of one is kept too.
    route.preValidation = [admit, ...asList(route.preValidation)];
    route.onSend = [...asList(route.onSend), keep];
  });
}

/** Before a POST's input is checked: claims a member's key, or answers again as the first time. */
function admitWith(service: IdempotencyService): preValidationAsyncHookHandler {
  return async (request, reply) => {
    const key = request.headers[HEADER];
    if (!isKey(key) || !request.memberId) return;
    const hash = requestHash('POST', request.url, request.body);
    const admission = await service.admit(request.memberId, key, hash);
    if (admission.run) {
      claimed.set(request, { memberId: request.memberId, key });
      return;
    }
    const { answer } = admission;
    reply.status(answer.status).header('idempotent-replayed', 'true');
    if (answer.contentType) reply.type(answer.contentType);
    return reply.send(answer.body);
  };
}

/** When a claimed POST's answer is sent: keeps it for the repeats. */
function keepWith(service: IdempotencyService): onSendAsyncHookHandler {
  return async (request, reply, payload) => {
    const owner = claimed.get(request);
    if (!owner) return payload;
    claimed.delete(request);
    const body =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : payload === null || payload === undefined
            ? ''
            : null;
    const contentType = reply.getHeader('content-type');
    await service.finish(owner.memberId, owner.key, {
      // A streamed answer cannot be kept; it counts as one that may be tried again.
      status: body === null ? 500 : reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body: body ?? '',
    });
    return payload;
  };
}
