import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  FastifyPluginCallbackTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify';
import type { AppContext } from '../context.js';

/**
 * A module's routes: a plugin built from the context. It only declares routes, synchronously;
 * Fastify finishes a plugin that takes no `done` callback and returns no promise on return.
 */
export type RoutesPlugin = (ctx: AppContext) => FastifyPluginCallbackTypebox;

export type AuthHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** The app as built by buildApp: TypeBox schemas give handlers their request types. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
