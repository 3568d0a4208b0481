import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

const buildCompiler = AjvCompiler();

/** Defaults filled in, nothing removed unasked, and the first error only (a long list costs). */
const AJV_OPTIONS = { useDefaults: true, removeAdditional: false, allErrors: false } as const;

/**
 * Query strings, path parameters and headers arrive as text, so their numbers and booleans are
 * coerced; a JSON body already carries its types, and coercing them would take `0` for "off",
 * `null` for `false` and `"x"` for `["x"]` without a word. A body must have the types its
 * schema says, or the request fails with `400 validation_failed`.
 */
export const validatorCompilers: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildValidator(externalSchemas) {
      const coercing = buildCompiler(externalSchemas, {
        customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' },
      });
      const exact = buildCompiler(externalSchemas, {
        customOptions: { ...AJV_OPTIONS, coerceTypes: false },
      });
      return (route) => (route.httpPart === 'body' ? exact(route) : coercing(route));
    },
  },
};
