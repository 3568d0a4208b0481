import { type Kysely, sql } from 'kysely';

/* Frozen once landed: later changes go into new migrations. */

const SENDER_OPEN = sql<boolean>`status in ('pending', 'ignored', 'blocked')`;
const PENDING = sql<boolean>`status = 'pending'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('connection_count', 'integer', (c) => c.notNull())
    .addColumn('invitation_policy', 'text', (c) => c.notNull())
    .addColumn('email_on_invitation', 'integer', (c) => c.notNull())
    .addColumn('email_reminders', 'integer', (c) => c.notNull())
    .addColumn('email_on_accept', 'integer', (c) => c.notNull())
    .addColumn('page_invitations', 'integer', (c) => c.notNull())
    .addColumn('auto_withdraw_after_days', 'integer')
    .addColumn('restricted_until', 'text')
    .execute();
  await db.schema
    .createIndex('members_auto_withdraw_idx')
    .on('members')
    .column('auto_withdraw_after_days')
    .where(sql<boolean>`auto_withdraw_after_days is not null`)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_member_idx').on('sessions').column('member_id').execute();

  await db.schema
    .createTable('access_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('access_tokens_member_idx')
    .on('access_tokens')
    .columns(['member_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sender_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('how_known', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('ignore_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_cause', 'text')
    .addColumn('kept', 'integer', (c) => c.notNull())
    .addColumn('remind_at', 'text')
    .addColumn('reminders_sent', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  // R1: one open invitation per (sender, recipient, kind, target), enforced by the database too.
  await db.schema
    .createIndex('invitations_one_open_idx')
    .on('invitations')
    .columns(['sender_id', 'recipient_id', 'kind', 'target_id'])
    .unique()
    .where(SENDER_OPEN)
    .execute();
  await db.schema
    .createIndex('invitations_received_idx')
    .on('invitations')
    .columns(['recipient_id', 'sent_at', 'id'])
    .where(PENDING)
    .execute();
  await db.schema
    .createIndex('invitations_received_kind_idx')
    .on('invitations')
    .columns(['recipient_id', 'kind', 'sent_at', 'id'])
    .where(PENDING)
    .execute();
  await db.schema
    .createIndex('invitations_sent_idx')
    .on('invitations')
    .columns(['sender_id', 'sent_at', 'id'])
    .where(SENDER_OPEN)
    .execute();
  await db.schema
    .createIndex('invitations_sent_kind_idx')
    .on('invitations')
    .columns(['sender_id', 'kind', 'sent_at', 'id'])
    .where(SENDER_OPEN)
    .execute();
  await db.schema
    .createIndex('invitations_pair_idx')
    .on('invitations')
    .columns(['sender_id', 'recipient_id', 'kind', 'target_id', 'status'])
    .execute();
  await db.schema
    .createIndex('invitations_weekly_idx')
    .on('invitations')
    .columns(['sender_id', 'kind', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('invitations_target_idx')
    .on('invitations')
    .columns(['kind', 'target_id', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('invitations_remind_idx')
    .on('invitations')
    .column('remind_at')
    .where(sql<boolean>`status = 'pending' and remind_at is not null`)
    .execute();
  await db.schema
    .createIndex('invitations_expiry_idx')
    .on('invitations')
    .column('expires_at')
    .where(SENDER_OPEN)
    .execute();
  await db.schema
    .createIndex('invitations_dont_know_idx')
    .on('invitations')
    .columns(['sender_id', 'responded_at'])
    .where(sql<boolean>`ignore_reason = 'dont_know'`)
    .execute();
  await db.schema
    .createIndex('invitations_withdrawn_idx')
    .on('invitations')
    .columns(['sender_id', 'withdrawn_at', 'id'])
    .where(sql<boolean>`status = 'withdrawn'`)
    .execute();
  await db.schema
    .createIndex('invitations_responded_idx')
    .on('invitations')
    .columns(['sender_id', 'kind', 'responded_at'])
    .where(sql<boolean>`status = 'accepted'`)
    .execute();

  await db.schema
    .createTable('connections')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('peer_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connections_pk', ['member_id', 'peer_id'])
    .execute();
  await db.schema
    .createIndex('connections_list_idx')
    .on('connections')
    .columns(['member_id', 'created_at', 'peer_id'])
    .execute();

  await db.schema
    .createTable('follows')
    .addColumn('follower_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('followee_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['follower_id', 'followee_id'])
    .execute();
  await db.schema
    .createIndex('follows_following_idx')
    .on('follows')
    .columns(['follower_id', 'created_at', 'followee_id'])
    .execute();
  await db.schema
    .createIndex('follows_followers_idx')
    .on('follows')
    .columns(['followee_id', 'created_at', 'follower_id'])
    .execute();

  await db.schema
    .createTable('blocks')
    .addColumn('blocker_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('blocked_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blocks_pk', ['blocker_id', 'blocked_id'])
    .execute();
  await db.schema
    .createIndex('blocks_blocked_idx')
    .on('blocks')
    .columns(['blocked_id', 'blocker_id'])
    .execute();
  await db.schema
    .createTable('block_lifts')
    .addColumn('blocker_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('blocked_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('lifted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('block_lifts_pk', ['blocker_id', 'blocked_id'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['member_id', 'email'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('invitation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_list_idx')
    .on('notifications')
    .columns(['member_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_invitation_idx')
    .on('notifications')
    .column('invitation_id')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text')
    .addColumn('expects_status', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox')
    .columns(['next_attempt_at', 'id'])
    .where(sql<boolean>`status = 'pending'`)
    .execute();
  await db.schema
    .createIndex('outbox_invitation_idx')
    .on('outbox')
    .column('invitation_id')
    .execute();
  await db.schema
    .createIndex('outbox_list_idx')
    .on('outbox')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('page_admins')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('page_admins_pk', ['page_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('page_admins_member_idx')
    .on('page_admins')
    .column('member_id')
    .execute();
  await db.schema
    .createTable('page_followers')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_followers_pk', ['page_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('page_followers_member_idx')
    .on('page_followers')
    .columns(['member_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('page_credits')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_credits_pk', ['page_id', 'month'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('event_organizers')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('event_organizers_pk', ['event_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('event_attendees')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_attendees_pk', ['event_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('event_attendees_member_idx')
    .on('event_attendees')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_run_at', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'job_leases',
    'event_attendees',
    'event_organizers',
    'events',
    'page_credits',
    'page_followers',
    'page_admins',
    'pages',
    'outbox',
    'notifications',
    'contacts',
    'block_lifts',
    'blocks',
    'follows',
    'connections',
    'invitations',
    'access_tokens',
    'sessions',
    'members',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
