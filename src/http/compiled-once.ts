/**
 * Fastify compiles a validator for every part and a serializer for every status of every route:
 * about 1,100 compiles for Rapport's routes, of under a hundred different schemas, as most routes
 * take the same parameters and answer their refusals with the same problem details. What
 * either compiler makes is a pure function of the schema, so `compile` runs once per different
 * schema (told apart by its JSON) and its result is handed to every route with that schema.
 */
export function oncePerSchema<Route extends { schema?: unknown }, Compiled>(
  compile: (route: Route) => Compiled,
): (route: Route) => Compiled {
  return memoisedByJson((route: Route) => route.schema, compile);
}

/**
 * Fastify asks for a compiler again in each plugin context that sets its compilers up before
 * its parent has (82 serializer compiles instead of 55 at start-up), always with the same
 * shared schemas; so one compiler serves every ask with the same shared schemas and options,
 * in every app of the process, as @fastify/ajv-compiler already pools its Ajv instances.
 */
export function oncePerSharedSchemas<Args extends unknown[], Compiler>(
  build: (...args: Args) => Compiler,
): (...args: Args) => Compiler {
  return memoisedByJson((...args: Args) => args, build);
}

function memoisedByJson<Args extends unknown[], Result>(
  keyOf: (...args: Args) => unknown,
  make: (...args: Args) => Result,
): (...args: Args) => Result {
  const made = new Map<string, Result>();
  return (...args) => {
    const key = JSON.stringify(keyOf(...args));
    const known = made.get(key);
    if (known !== undefined) return known;
    const result = make(...args);
    made.set(key, result);
    return result;
  };
}
