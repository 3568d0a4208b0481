import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

/** R31 invite codes, R32 the admin role, suspension and the audit log of admin actions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('members')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
    .execute();
  await db.schema.alterTable('members').addColumn('suspended_at', 'text').execute();
  await db.schema.alterTable('members').addColumn('suspension_reason', 'text').execute();
  await db.schema
    .createIndex('members_suspended_idx')
    .on('members')
    .column('suspended_at')
    .where(sql<boolean>`suspended_at is not null`)
    .execute();

  await db.schema
    .createTable('invite_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('max_uses', 'integer', (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('admin_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('admin_id', 'text', (c) => c.references('members.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('admin_audit_created_idx')
    .on('admin_audit')
    .columns(['created_at', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admin_audit').execute();
  await db.schema.dropTable('invite_codes').execute();
  await db.schema.dropIndex('members_suspended_idx').execute();
  await db.schema.alterTable('members').dropColumn('suspension_reason').execute();
  await db.schema.alterTable('members').dropColumn('suspended_at').execute();
  await db.schema.alterTable('members').dropColumn('role').execute();
}
