import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { oncePerSchema } from './compiled-once.js';

const buildFastJsonStringify = SerializerSelector();

/**
 * fast-json-stringify, each different response schema compiled once (see `oncePerSchema`):
 * each of its compiles also checks every shared schema again, so this halved the start-up.
 */
export const buildSerializer: typeof buildFastJsonStringify = (externalSchemas, options) =>
  oncePerSchema(buildFastJsonStringify(externalSchemas, options));
