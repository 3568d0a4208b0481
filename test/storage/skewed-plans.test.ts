/**
 * On PostgreSQL a list page runs on the one plan its connection made without the values (see
 * helpers/plans.ts). Where most members have an invitation or two and a few have thousands, that
 * plan must still read the member's list index in order and stop at the page: a plan that sorts
 * everything the member sent costs nothing for the average member and 15 ms a page for one with
 * 10,000 open invitations.
 */
import { type CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import {
  listReceived,
  listSent,
} from '../../src/modules/invitations/invitation.views.repository.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';
import { genericPlan } from '../helpers/plans.js';

const postgres = testDialect() === 'postgres';
const MEMBERS = 40_000;
const HEAVY = 10_000;
const NOW = '2026-06-01T00:00:00.000Z';
const SENDER = 'm0000001';
const RECIPIENT = 'm0000005';

let throwaway: ThrowawayDatabase;
let database: Database;
let captured: CompiledQuery[] = [];

const member = (expr: string) => `'m' || lpad(cast(${expr} as text), 7, '0')`;

/** One invitation each from member g to member g + 1, and HEAVY for one sender and one recipient. */
async function fill(): Promise<void> {
  await sql
    .raw(
      `insert into members (id, email, password_hash, name, handle, headline, company, industry,
         location, search_text, created_at, updated_at, connection_count, invitation_policy,
         email_on_invitation, email_reminders, email_on_accept, page_invitations, role)
       select ${member('g')}, ${member('g')} || '@example.test', 'x', 'Member ' || g, ${member('g')},
         '', '', '', '', '', '${NOW}', '${NOW}', 0, 'everyone', 1, 1, 1, 1, 'member'
       from generate_series(1, ${MEMBERS}) g`,
    )
    .execute(database.db);
  const invite = (from: string, to: string, rows: string) =>
    sql
      .raw(
        `insert into invitations (id, kind, sender_id, recipient_id, target_id, status, sent_at,
           updated_at, kept, reminders_sent, expires_at)
         select 'i' || ${from} || '-' || ${to}, 'connection', ${from}, ${to}, '', 'pending',
           to_char(timestamp '2026-05-01' + g * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
           '${NOW}', 0, 0, '2027-01-01T00:00:00.000Z'
         from ${rows}`,
      )
      .execute(database.db);
  await invite(member('g'), member(`g % ${MEMBERS} + 1`), `generate_series(1, ${MEMBERS}) g`);
  await invite(`'${SENDER}'`, member('g + 2'), `generate_series(1, ${HEAVY}) g`);
  await invite(member('g + 10'), `'${RECIPIENT}'`, `generate_series(1, ${HEAVY}) g`);
  await sql`analyze`.execute(database.db);
}

beforeAll(async () => {
  if (!postgres) return;
  throwaway = await createThrowawayDatabase();
  database = openDatabase(throwaway.url, {
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  await migrateToLatest(database.db);
  await fill();
}, 120_000);

afterAll(async () => {
  if (!postgres) return;
  await database.close();
  await throwaway.drop();
});

const cases: [string, RegExp, () => Promise<{ items: unknown[] }>][] = [
  [
    'received list (R23)',
    /Index Scan Backward using invitations_received_idx/,
    () =>
      listReceived(
        database.db,
        RECIPIENT,
        { status: 'pending', order: 'newest', now: NOW },
        {
          limit: 20,
        },
      ),
  ],
  [
    'received list, oldest first (R40)',
    /Index Scan using invitations_received_idx/,
    () =>
      listReceived(
        database.db,
        RECIPIENT,
        { status: 'pending', order: 'oldest', now: NOW },
        {
          limit: 20,
        },
      ),
  ],
  [
    'sent list (R23)',
    /Index Scan Backward using invitations_sent_idx/,
    () => listSent(database.db, SENDER, { order: 'newest', now: NOW }, { limit: 20 }),
  ],
  [
    'sent list, oldest first (R40)',
    /Index Scan using invitations_sent_idx/,
    () => listSent(database.db, SENDER, { order: 'oldest', now: NOW }, { limit: 20 }),
  ],
];

for (const [name, index, run] of cases) {
  it.skipIf(!postgres)(
    `the ${name} of a member with ${HEAVY} reads a page off its index`,
    async () => {
      captured = [];
      const page = await run();
      expect(page.items).toHaveLength(20);
      const [query, ...more] = captured;
      expect(more).toEqual([]);
      if (!query) throw new Error('the list ran no query');
      const text = await genericPlan(database.db, query);
      expect(text, text).toMatch(index);
      expect(text, text).not.toMatch(/Sort|Bitmap/);
    },
  );
}
