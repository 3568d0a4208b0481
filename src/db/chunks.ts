/** Ids or rows per statement: well under both databases' bound-parameter limits. */
const STATEMENT_CHUNK = 500;

/** `list` in consecutive pieces of at most `size`, each small enough for one statement. */
export function* chunksOf<T>(list: readonly T[], size = STATEMENT_CHUNK): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
