/**
 * R15, R35: migration 0012 gives the deliveries still waiting the invitation their payload tells
 * of, so a withdrawal can take them back, and a webhook failing now the time of its last failed
 * try, on a database with rows in it.
 */
import { expect, it } from 'vitest';
import type { WebhookDeliveryStatus } from '../../src/db/tables/webhook.js';
import { earlyMemberRow, migrationDatabase } from '../helpers/migration-database.js';

const database = migrationDatabase();

it('R15 R35: 0012 names the invitation of each waiting delivery and the last failure of a failing webhook', async () => {
  const before = await database.migrator().migrateTo('0011-frozen-search-by-name');
  expect(before.error).toBeUndefined();
  const at = '2026-06-01T00:00:00.000Z';
  const member = earlyMemberRow(
    { id: 'ann', email: 'ann@example.test', passwordHash: 'x', name: 'Ann', handle: 'ann' },
    at,
  );
  await database.db.insertInto('members').values(member).execute();
  const webhook = (id: string, failingSince: string | null) => ({
    id,
    member_id: member.id,
    url: 'https://example.test/hook',
    events: '["invitation.received"]',
    secret: 'whsec_x',
    created_at: at,
    failing_since: failingSince,
    disabled_at: null,
  });
  await database.db
    .insertInto('webhooks')
    .values([webhook('failing', '2026-06-02T00:00:00.000Z'), webhook('fine', null)])
    .execute();
  const delivery = (
    id: string,
    webhookId: string,
    type: string,
    data: object,
    status: WebhookDeliveryStatus,
  ) => ({
    id,
    webhook_id: webhookId,
    type,
    payload: JSON.stringify({ type, timestamp: at, data }),
    status,
    attempts: 0,
    next_attempt_at: at,
    claimed_until: null,
    last_error: null,
    created_at: at,
    delivered_at: null,
  });
  const peer = { handle: 'ben', name: 'Ben' };
  const invitation = { id: 'inv1', kind: 'connection', targetId: null };
  await database.db
    .insertInto('webhook_deliveries')
    .values([
      delivery(
        'waiting',
        'failing',
        'invitation.received',
        { invitation, member: peer },
        'pending',
      ),
      delivery('sent', 'fine', 'invitation.received', { invitation, member: peer }, 'delivered'),
      delivery('connection', 'fine', 'connection.created', { member: peer }, 'pending'),
    ])
    .execute();
  const attempt = (id: string, attemptedAt: string) => ({
    id,
    delivery_id: 'waiting',
    webhook_id: 'failing',
    attempted_at: attemptedAt,
    response_status: 500,
    error: 'HTTP 500',
  });
  await database.db
    .insertInto('webhook_attempts')
    .values([attempt('a1', '2026-06-02T00:00:00.000Z'), attempt('a2', '2026-06-02T05:00:00.000Z')])
    .execute();

  const after = await database.migrator().migrateToLatest();
  expect(after.error).toBeUndefined();
  const deliveries = await database.db
    .selectFrom('webhook_deliveries')
    .select(['id', 'invitation_id'])
    .orderBy('id')
    .execute();
  expect(deliveries).toEqual([
    { id: 'connection', invitation_id: null },
    { id: 'sent', invitation_id: null },
    { id: 'waiting', invitation_id: 'inv1' },
  ]);
  const webhooks = await database.db
    .selectFrom('webhooks')
    .select(['id', 'last_failed_at'])
    .orderBy('id')
    .execute();
  expect(webhooks).toEqual([
    { id: 'failing', last_failed_at: '2026-06-02T05:00:00.000Z' },
    { id: 'fine', last_failed_at: null },
  ]);
});
