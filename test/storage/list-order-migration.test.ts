/**
 * R28, R40: migration 0014 gives the session and token indexes the order their lists page in
 * (member, creation time, id), on a database with rows in it, and the lists read through them.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { listAccessTokens, listSessions } from '../../src/modules/accounts/account.repository.js';
import { testDialect } from '../helpers/database.js';
import { earlyMemberRow, migrationDatabase } from '../helpers/migration-database.js';

const database = migrationDatabase();

/** The indexed columns of `name`, as the database describes the index. */
async function indexColumns(name: string): Promise<string> {
  const found =
    testDialect() === 'postgres'
      ? await sql<{
          definition: string;
        }>`select indexdef as definition from pg_indexes where indexname = ${name}`.execute(
          database.db,
        )
      : await sql<{
          definition: string;
        }>`select sql as definition from sqlite_master where type = 'index' and name = ${name}`.execute(
          database.db,
        );
  const definition = found.rows[0]?.definition ?? '';
  return (/\(([^)]*)\)\s*$/.exec(definition)?.[1] ?? '').replace(/["\s]/g, '');
}

it('R28 R40: 0014 orders the session and token indexes by creation time and id', async () => {
  const before = await database.migrator().migrateTo('0011-frozen-search-by-name');
  expect(before.error).toBeUndefined();
  const at = '2026-06-01T00:00:00.000Z';
  const ann = earlyMemberRow(
    { id: 'ann', email: 'ann@example.test', passwordHash: 'x', name: 'Ann', handle: 'ann' },
    at,
  );
  await database.db.insertInto('members').values(ann).execute();
  const session = (id: string) => ({
    id,
    member_id: ann.id,
    csrf_token: `csrf-${id}`,
    created_at: at,
    expires_at: '2026-07-01T00:00:00.000Z',
    last_used_at: null,
    user_agent: null,
  });
  await database.db
    .insertInto('sessions')
    .values([session('s1'), session('s2'), session('s3')])
    .execute();
  const token = (id: string) => ({
    id,
    member_id: ann.id,
    name: id,
    token_hash: `hash-${id}`,
    created_at: at,
    last_used_at: null,
    scope: 'read' as const,
    expires_at: null,
  });
  await database.db
    .insertInto('access_tokens')
    .values([token('t1'), token('t2'), token('t3')])
    .execute();

  const after = await database.migrator().migrateToLatest();
  expect(after.error).toBeUndefined();
  expect(await indexColumns('sessions_member_idx')).toBe('member_id,created_at,id');
  expect(await indexColumns('access_tokens_member_idx')).toBe('member_id,created_at,id');

  const sessions = await listSessions(database.db, ann.id, at, { limit: 2 });
  expect(sessions.items.map((s) => s.id)).toEqual(['s3', 's2']);
  const rest = await listSessions(database.db, ann.id, at, {
    limit: 2,
    cursor: sessions.nextCursor ?? '',
  });
  expect(rest).toMatchObject({ items: [{ id: 's1' }], nextCursor: null });
  const tokens = await listAccessTokens(database.db, ann.id, { limit: 3 });
  expect(tokens).toMatchObject({
    items: [{ id: 't3' }, { id: 't2' }, { id: 't1' }],
    nextCursor: null,
  });
});
