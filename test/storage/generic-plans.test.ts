/**
 * On PostgreSQL the prepared statements of the request paths, and the pages of every list, are
 * planned once per connection: left to choose, the server planned some of them afresh on every
 * call, and an unnamed statement is planned at each call, which cost more than running them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import type { Database, Tx } from '../../src/db/types.js';
import { findMemberById } from '../../src/modules/members/member.repository.js';
import { listNotifications } from '../../src/modules/notifications/notification.repository.js';
import { findTargets } from '../../src/modules/invitations/invitation.views.repository.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

const postgres = testDialect() === 'postgres';
let throwaway: ThrowawayDatabase;
let database: Database;

beforeAll(async () => {
  if (!postgres) return;
  throwaway = await createThrowawayDatabase();
  database = openDatabase(throwaway.url);
  await migrateToLatest(database.db);
});

afterAll(async () => {
  if (!postgres) return;
  await database.close();
  await throwaway.drop();
});

/** The plans made of the statements this connection prepared that read `table`. */
async function preparedPlans(tx: Tx, table: string) {
  const { rows } = await sql<{ generic: number; custom: number }>`
    select generic_plans as generic, custom_plans as custom
    from pg_prepared_statements where statement like ${`%from "${table}"%`}`.execute(tx);
  return rows;
}

it.skipIf(!postgres)(
  'a prepared statement runs on its generic plan from its first call',
  async () => {
    const plans = await database.transaction(async (tx) => {
      // More calls than the five custom plans PostgreSQL would otherwise make before choosing.
      for (let call = 0; call < 8; call++) await findMemberById(tx, `m${call}`);
      return preparedPlans(tx, 'members');
    });
    expect(plans).toEqual([{ generic: 8, custom: 0 }]);
  },
);

it.skipIf(!postgres)(
  'a page of a list is planned once per connection, not at every call',
  async () => {
    const plans = await database.transaction(async (tx) => {
      for (let call = 0; call < 3; call++) await listNotifications(tx, `m${call}`, { limit: 20 });
      return preparedPlans(tx, 'notifications');
    });
    expect(plans).toEqual([{ generic: 3, custom: 0 }]);
  },
);

it.skipIf(!postgres)(
  'the pages and events of a list are read by one planned statement each, whatever their number',
  async () => {
    const plans = await database.transaction(async (tx) => {
      for (const count of [1, 3, 20]) {
        const rows = Array.from({ length: count }, (_, i) => ({
          kind: i % 2 === 0 ? ('page' as const) : ('event' as const),
          target_id: `t${i % 2}`,
        }));
        await findTargets(tx, rows);
      }
      return { pages: await preparedPlans(tx, 'pages'), events: await preparedPlans(tx, 'events') };
    });
    expect(plans).toEqual({
      pages: [{ generic: 3, custom: 0 }],
      events: [{ generic: 2, custom: 0 }],
    });
  },
);
