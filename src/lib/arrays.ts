/**
 * The element at `index`, for indexes the caller's bounds already guarantee: a typed read
 * under noUncheckedIndexedAccess that fails loudly instead of letting `undefined` through.
 */
export function elementAt<T>(list: ArrayLike<T>, index: number): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`No element at index ${index}`);
  return value;
}

/** None, one or several as a list, as Fastify takes a route's hooks and Rapport its rate limits. */
export function asList<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}
