import type { Kysely } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/**
 * R32: while a member is suspended, their connections and follows wait here, out of every list,
 * count and mutual count of the members around them, and go back when the suspension ends.
 * A connection waits as one row, from the suspended member's side; a follow as itself, with the
 * suspended member whose suspension holds it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suspended_connections')
    .addColumn('suspended_id', 'text', (c) => c.notNull())
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suspended_connections_pk', ['suspended_id', 'peer_id'])
    .execute();
  // A peer who leaves (R29) takes their waiting connections with them.
  await db.schema
    .createIndex('suspended_connections_peer_idx')
    .on('suspended_connections')
    .column('peer_id')
    .execute();
  await db.schema
    .createTable('suspended_follows')
    .addColumn('suspended_id', 'text', (c) => c.notNull())
    .addColumn('follower_id', 'text', (c) => c.notNull())
    .addColumn('followee_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suspended_follows_pk', ['follower_id', 'followee_id'])
    .execute();
  await db.schema
    .createIndex('suspended_follows_suspended_idx')
    .on('suspended_follows')
    .column('suspended_id')
    .execute();
  await db.schema
    .createIndex('suspended_follows_followee_idx')
    .on('suspended_follows')
    .column('followee_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suspended_follows').execute();
  await db.schema.dropTable('suspended_connections').execute();
}
