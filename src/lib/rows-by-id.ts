/**
 * Rows read by id to show beside a list or a change. An id that was listed but has no row is a
 * broken invariant, so it throws here instead of surfacing later as an empty field.
 */
export class RowsById<T extends { id: string }> {
  private readonly rows: Map<string, T>;

  constructor(
    rows: readonly T[],
    private readonly what: string,
  ) {
    this.rows = new Map(rows.map((row) => [row.id, row]));
  }

  get(id: string): T {
    const row = this.rows.get(id);
    if (!row) throw new Error(`${this.what} ${id} was expected but not found`);
    return row;
  }

  find(id: string): T | undefined {
    return this.rows.get(id);
  }
}
