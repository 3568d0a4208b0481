/**
 * R32: migration 0013 indexes the members who have not verified their email, on a database with
 * members in it, for the admins' `status=unverified` list; it goes back down and up again cleanly.
 */
import { expect, it } from 'vitest';
import { listMembersForAdmin } from '../../src/modules/admin/admin.repository.js';
import { earlyMemberRow, migrationDatabase } from '../helpers/migration-database.js';

const database = migrationDatabase();

const BEFORE = '0011-frozen-search-by-name';
const AT = '2026-06-01T00:00:00.000Z';

function unverifiedHandles(): Promise<string[]> {
  return listMembersForAdmin(
    database.db,
    { q: '', status: 'unverified', now: AT },
    { limit: 20 },
  ).then((page) => page.items.map((m) => m.handle));
}

it('R32: 0013 lists the members who have not verified their email, and only them', async () => {
  expect((await database.migrator().migrateTo(BEFORE)).error).toBeUndefined();
  const member = (handle: string, emailVerifiedAt?: string) =>
    earlyMemberRow(
      {
        id: handle,
        email: `${handle}@example.test`,
        passwordHash: 'x',
        name: handle,
        handle,
        emailVerifiedAt,
      },
      AT,
    );
  await database.db
    .insertInto('members')
    .values([
      member('verified', AT),
      member('unverified'),
      { ...member('left'), deleted_at: AT },
      member('also-unverified'),
    ])
    .execute();

  expect((await database.migrator().migrateToLatest()).error).toBeUndefined();
  expect((await unverifiedHandles()).sort()).toEqual(['also-unverified', 'unverified']);

  expect((await database.migrator().migrateTo(BEFORE)).error).toBeUndefined();
  expect((await database.migrator().migrateToLatest()).error).toBeUndefined();
  expect((await unverifiedHandles()).sort()).toEqual(['also-unverified', 'unverified']);
});
