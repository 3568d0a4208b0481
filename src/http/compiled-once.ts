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
  const compiled = new Map<string, Compiled>();
  return (route) => {
    const key = JSON.stringify(route.schema);
    const known = compiled.get(key);
    if (known !== undefined) return known;
    const made = compile(route);
    compiled.set(key, made);
    return made;
  };
}
