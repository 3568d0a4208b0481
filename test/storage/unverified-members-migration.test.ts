/**
 * R32: migration 0013 indexes the members who have not verified their email, on a database with
 * members in it, for the admins' `status=unverified` list; it goes back down and up again cleanly.
 */
import { Migrator } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrations } from '../../src/db/migrations/index.js';
import type { Database } from '../../src/db/types.js';
import { listMembersForAdmin } from '../../src/modules/admin/admin.repository.js';
import { newMemberRow } from '../../src/modules/members/member.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/database.js';

let throwaway: ThrowawayDatabase;
let database: Database;

beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  database = openDatabase(throwaway.url);
});
afterAll(async () => {
  await database.close();
  await throwaway.drop();
});

function migrator(): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
}

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
  expect((await migrator().migrateTo(BEFORE)).error).toBeUndefined();
  const member = (handle: string, emailVerifiedAt?: string) =>
    newMemberRow(
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

  expect((await migrator().migrateToLatest()).error).toBeUndefined();
  expect((await unverifiedHandles()).sort()).toEqual(['also-unverified', 'unverified']);

  expect((await migrator().migrateTo(BEFORE)).error).toBeUndefined();
  expect((await migrator().migrateToLatest()).error).toBeUndefined();
  expect((await unverifiedHandles()).sort()).toEqual(['also-unverified', 'unverified']);
});
