import AjvCompiler, { type RouteDefinition, type ValidatorFactory } from '@fastify/ajv-compiler';
import { oncePerSchema, oncePerSharedSchemas } from './compiled-once.js';

const buildCompiler = AjvCompiler();
type AjvValidate = ReturnType<ReturnType<typeof buildCompiler>>;

/** Defaults filled in, nothing removed unasked, and the first error only (a long list costs). */
const AJV_OPTIONS = { useDefaults: true, removeAdditional: false, allErrors: false } as const;

/**
 * Query strings, path parameters and headers arrive as text, so their numbers and booleans are
 * coerced; a JSON body already carries its types, and coercing them would take `0` for "off",
 * `null` for `false` and `"x"` for `["x"]` without a word. A body must have the types its
 * schema says, or the request fails with `400 validation_failed`.
 */
export const buildValidator: ValidatorFactory = oncePerSharedSchemas((externalSchemas) => {
  const coercing = buildCompiler(externalSchemas, {
    customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' },
  });
  const exact = oncePerSchema(
    buildCompiler(externalSchemas, { customOptions: { ...AJV_OPTIONS, coerceTypes: false } }),
  );
  const coerced = oncePerSchema((route: RouteDefinition) => {
    const validate = coercing(route);
    return takesNumbers(route.schema) ? finiteNumbersOnly(validate) : validate;
  });
  return (route) => (route.httpPart === 'body' ? exact(route) : coerced(route));
});

/** Whether a schema lets a number in anywhere: only then can coercion make an infinite one. */
function takesNumbers(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const { type } = schema as { type?: unknown };
  const types: unknown[] = Array.isArray(type) ? type : [type];
  if (types.includes('number') || types.includes('integer')) return true;
  return Object.values(schema).some(takesNumbers);
}

/** Where in `value` the first number that is not finite lies, as a JSON pointer, or null. */
function nonFinitePath(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nonFinitePath(inner, `${path}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Coercion reads "1e400", "Infinity" and "-Infinity" as numbers, and Ajv then checks no bound on
 * them (its `minimum` and `maximum` test finite numbers only): they would pass as a `limit` or a
 * number of days and fail in SQL or date arithmetic. A coerced input holding one is refused.
 */
function finiteNumbersOnly(validate: AjvValidate): AjvValidate {
  const checked: AjvValidate = Object.assign(
    (data: unknown, context?: Parameters<AjvValidate>[1]): data is unknown => {
      const valid = validate(data, context) === true;
      const path = valid ? nonFinitePath(data) : null;
      checked.errors = !valid ? validate.errors : path === null ? null : [notFinite(path)];
      return valid && path === null;
    },
    // Fastify passes Ajv's functions (known by their schemaEnv) the part's parent, for coercion.
    { schema: validate.schema, schemaEnv: validate.schemaEnv, errors: null },
  );
  return checked;
}

function notFinite(instancePath: string): NonNullable<AjvValidate['errors']>[number] {
  return {
    keyword: 'type',
    instancePath,
    schemaPath: '#',
    params: {},
    message: 'must be a finite number',
  };
}
