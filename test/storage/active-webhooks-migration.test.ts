/**
 * R35: migration 0016 counts each member's working webhooks onto the member. On a database with
 * webhooks in it, working and turned off, every member gets the number of their working ones,
 * and a member with none, or only one turned off, gets zero. It goes back down and up cleanly.
 */
import { expect, it } from 'vitest';
import { earlyMemberRow, migrationDatabase } from '../helpers/migration-database.js';

const database = migrationDatabase();

const BEFORE = '0015-invitation-ignored-at';
const AT = '2026-06-01T00:00:00.000Z';

async function countsByMember(): Promise<Record<string, number>> {
  const rows = await database.db
    .selectFrom('members')
    .select(['id', 'active_webhooks'])
    .orderBy('id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.active_webhooks]));
}

it('R35: 0016 gives every member the count of their working webhooks', async () => {
  expect((await database.migrator().migrateTo(BEFORE)).error).toBeUndefined();
  const handles = ['ann', 'ben', 'cat'];
  await database.db
    .insertInto('members')
    .values(
      handles.map((handle) =>
        earlyMemberRow(
          { id: handle, email: `${handle}@example.test`, passwordHash: 'x', name: handle, handle },
          AT,
        ),
      ),
    )
    .execute();
  const webhook = (id: string, memberId: string, disabledAt: string | null) => ({
    id,
    member_id: memberId,
    url: `https://example.test/${id}`,
    events: '["invitation.received"]',
    secret: 'whsec_x',
    created_at: AT,
    failing_since: null,
    last_failed_at: null,
    disabled_at: disabledAt,
  });
  await database.db
    .insertInto('webhooks')
    .values([
      webhook('ann-1', 'ann', null),
      webhook('ann-2', 'ann', null),
      webhook('ann-off', 'ann', AT),
      webhook('ben-off', 'ben', AT),
    ])
    .execute();

  const expected = { ann: 2, ben: 0, cat: 0 };
  expect((await database.migrator().migrateToLatest()).error).toBeUndefined();
  expect(await countsByMember()).toEqual(expected);

  expect((await database.migrator().migrateTo(BEFORE)).error).toBeUndefined();
  expect((await database.migrator().migrateToLatest()).error).toBeUndefined();
  expect(await countsByMember()).toEqual(expected);
});
