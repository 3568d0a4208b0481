import type { Kysely } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R20, R40: the Sent list's search matches a recipient's name or handle only, so a recipient
 * frozen by a block keeps only those two in `frozen_search`, lowercased; the rows frozen before
 * kept the headline and company too, and are made again from their frozen summary.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const frozen: { id: string; frozen_recipient: string }[] = await db
    .selectFrom('invitations')
    .select(['id', 'frozen_recipient'])
    .where('frozen_recipient', 'is not', null)
    .execute();
  for (const row of frozen) {
    const summary: unknown = JSON.parse(row.frozen_recipient);
    const field = (key: string): string => {
      const value: unknown =
        typeof summary === 'object' && summary !== null ? Reflect.get(summary, key) : '';
      return typeof value === 'string' ? value : '';
    };
    await db
      .updateTable('invitations')
      .set({ frozen_search: `${field('name')} ${field('handle')}`.toLowerCase() })
      .where('id', '=', row.id)
      .execute();
  }
}

/** The headline and company are not kept, so going back leaves the name and handle alone. */
export async function down(): Promise<void> {}
