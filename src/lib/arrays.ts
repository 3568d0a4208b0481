/**
 * The element at `index`, for indexes the caller's bounds already guarantee: a typed read
 * under noUncheckedIndexedAccess that fails loudly instead of letting `undefined` through.
 */
export function elementAt<T>(list: ArrayLike<T>, index: number): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`No element at index ${index}`);
  return value;
}

/** A route's hooks as a list: Fastify takes none, one, or several. */
export function asList<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}
