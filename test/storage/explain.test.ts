/**
 * CONVENTIONS 8: every list and count query is served by an index. The repository functions run
 * against a large generated table while their SQL is captured, and each query's plan is read:
 * on PostgreSQL with 1 M invitations, on SQLite with 200 k.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import { RULE_DEFAULTS } from '../../src/config.js';
import { pipelined } from '../../src/db/pipeline.js';
import {
  inviteFactsByHandleStep,
  loadInviteFacts,
  unsuggestableTo,
} from '../../src/modules/invitations/invitation.facts.repository.js';
import {
  countSenderOpen,
  invitationStep,
  lockInvitationMembersStep,
  senderOpenBetweenPartiesStep,
} from '../../src/modules/invitations/invitation.repository.js';
import { inviteeFacts } from '../../src/modules/invitations/invitation.targets.repository.js';
import {
  countReceived,
  countSent,
  listReceived,
  listSent,
} from '../../src/modules/invitations/invitation.views.repository.js';
import { listMembersForAdmin } from '../../src/modules/admin/admin.repository.js';
import { mutualCounts, secondDegree } from '../../src/modules/connections/connection.repository.js';
import { findMemberSummaries } from '../../src/modules/members/member.repository.js';
import {
  acceptedWaitsSince,
  sentByAnswerSince,
} from '../../src/modules/insights/insight.repository.js';
import { genericPlan } from '../helpers/plans.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';

const dialect = testDialect();
const INVITATIONS = dialect === 'postgres' ? 1_000_000 : 200_000;
const MEMBERS = INVITATIONS / 10;
const NOW = '2026-06-01T00:00:00.000Z';
const WINDOW_START = '2026-03-03T00:00:00.000Z';

let throwaway: ThrowawayDatabase;
let database: Database;
let captured: CompiledQuery[] = [];
const TRANSACTION_CONTROL = /^(begin|commit|rollback|savepoint|release)\b/i;

/**
 * The invitation indexes exactly as the migrations made them: dropped for the bulk insert and
 * built again after it, which is many times faster than updating them row by row.
 */
async function withIndexesRebuilt(insert: () => Promise<void>): Promise<void> {
  const found =
    dialect === 'postgres'
      ? await sql<{
          name: string;
          definition: string;
        }>`select indexname as name, indexdef as definition
          from pg_indexes where tablename = 'invitations' and indexname like 'invitations\_%' and indexname <> 'invitations_pkey'`.execute(
          database.db,
        )
      : await sql<{
          name: string;
          definition: string;
        }>`select name, sql as definition from sqlite_master
          where type = 'index' and tbl_name = 'invitations' and sql is not null`.execute(
          database.db,
        );
  for (const index of found.rows) await sql.raw(`drop index ${index.name}`).execute(database.db);
  await insert();
  for (const index of found.rows) await sql.raw(index.definition).execute(database.db);
  expect(found.rows.length).toBeGreaterThan(5);
}

/** Members m0000001…, invitations spread over six months, 70 % still open, each answered a day after sending. */
async function fill(): Promise<void> {
  const member = (expr: string) => `'m' || lpad(cast(${expr} as text), 7, '0')`;
  const memberSqlite = (expr: string) => `'m' || substr('0000000' || (${expr}), -7)`;
  if (dialect === 'postgres') {
    await sql
      .raw(
        `insert into members select ${member('g')}, ${member('g')} || '@example.test', 'x', 'Member ' || g,
           ${member('g')}, '', '', '', '', '', '${NOW}', '${NOW}', 0, 'everyone', 1, 1, 1, 1, null, null, 'member', null, null
         from generate_series(1, ${MEMBERS}) g`,
      )
      .execute(database.db);
    await withIndexesRebuilt(async () => {
      await sql
        .raw(
          `insert into invitations
         select 'i' || lpad(cast(g as text), 8, '0'),
           (array['connection','connection','connection','page','event'])[1 + g % 5],
           ${member(`1 + g % ${MEMBERS}`)}, ${member(`1 + (g::bigint * 7919) % ${MEMBERS}`)}, cast(g as text),
           (array['pending','pending','ignored','pending','accepted','withdrawn','pending','pending','expired','pending'])[1 + (g / 7) % 10],
           null, null,
           to_char(timestamp '2026-01-01' + (g % 15552000) * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
           '${NOW}',
           to_char(timestamp '2026-01-02' + (g % 15552000) * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
           null, null, null, 0, null, 0, '2027-01-01T00:00:00.000Z'
         from generate_series(1, ${INVITATIONS}) g`,
        )
        .execute(database.db);
    });
    await verifyMostMembers();
    await sql`analyze`.execute(database.db);
    return;
  }
  await sql
    .raw(
      `with recursive g(n) as (select 1 union all select n + 1 from g where n < ${MEMBERS})
       insert into members select ${memberSqlite('n')}, ${memberSqlite('n')} || '@example.test', 'x', 'Member ' || n,
         ${memberSqlite('n')}, '', '', '', '', '', '${NOW}', '${NOW}', 0, 'everyone', 1, 1, 1, 1, null, null, 'member', null, null, null, null, 0 from g`,
    )
    .execute(database.db);
  await withIndexesRebuilt(async () => {
    await sql
      .raw(
        `with recursive g(n) as (select 1 union all select n + 1 from g where n < ${INVITATIONS})
       insert into invitations select 'i' || substr('00000000' || n, -8),
         case n % 5 when 3 then 'page' when 4 then 'event' else 'connection' end,
         ${memberSqlite(`1 + n % ${MEMBERS}`)}, ${memberSqlite(`1 + (n * 7919) % ${MEMBERS}`)}, cast(n as text),
         case (n / 7) % 10 when 2 then 'ignored' when 4 then 'accepted' when 5 then 'withdrawn' when 8 then 'expired' else 'pending' end,
         null, null, strftime('%Y-%m-%dT%H:%M:%S.000Z', '2026-01-01', '+' || (n % 15552000) || ' seconds'),
         '${NOW}', strftime('%Y-%m-%dT%H:%M:%S.000Z', '2026-01-02', '+' || (n % 15552000) || ' seconds'),
         null, null, null, 0, null, 0, '2027-01-01T00:00:00.000Z', null, null, null from g`,
      )
      .execute(database.db);
  });
  await verifyMostMembers();
  await sql`analyze`.execute(database.db);
}

/** All but one member in a hundred have verified their email (R25). */
async function verifyMostMembers(): Promise<void> {
  await sql
    .raw(`update members set email_verified_at = '${NOW}' where handle not like '%00'`)
    .execute(database.db);
}

/** The plan of one captured query as text, whichever database runs it. */
async function plan(query: CompiledQuery): Promise<string> {
  const prefix = dialect === 'postgres' ? 'explain ' : 'explain query plan ';
  const result = await database.db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(prefix + query.sql, [...query.parameters]),
  );
  return result.rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
}

/** The plan of each query `run` makes, none left out. */
async function plansOf(
  run: () => Promise<unknown>,
): Promise<{ query: CompiledQuery; text: string }[]> {
  captured = [];
  await run();
  // A case run in a transaction captures its BEGIN and COMMIT too, which have no plan.
  const queries = captured.filter((query) => !TRANSACTION_CONTROL.test(query.sql));
  captured = [];
  expect(queries.length).toBeGreaterThan(0);
  const plans = await Promise.all(
    queries.map(async (query) => ({ query, text: await plan(query) })),
  );
  if (dialect !== 'postgres') return plans;
  const generic = [];
  for (const query of queries) generic.push({ query, text: await genericPlan(database.db, query) });
  return [...plans, ...generic];
}

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(dialect);
  database = openDatabase(throwaway.url, {
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  await migrateToLatest(database.db);
  await fill();
}, 300_000);

afterAll(async () => {
  await database.close();
  await throwaway.drop();
});

describe(`index use with ${INVITATIONS.toLocaleString('en')} invitations`, () => {
  const member = 'm0000042';
  const RECEIVED = /invitations_received_(listed_)?idx/;
  const SENT = /invitations_(sent|one_open)/;
  const IGNORED = /invitations_received_ignored/;
  // On SQLite the list indexes carry every listed column (migrations 0018, 0019), so these reads
  // take no row from the table, the sent ones of one kind too (0020); PostgreSQL keeps the narrow
  // indexes (0018 says why).
  const RECEIVED_LISTED = /USING COVERING INDEX invitations_received_listed_idx/;
  const SENT_LISTED = /USING COVERING INDEX invitations_sent_listed_idx/;
  const received = { status: 'pending', order: 'newest', now: NOW } as const;
  const sent = { order: 'newest', now: NOW } as const;
  const cases: [string, RegExp, () => Promise<unknown>, covering?: RegExp][] = [
    [
      'received list (R23)',
      RECEIVED,
      () => listReceived(database.db, member, received, { limit: 20 }),
      RECEIVED_LISTED,
    ],
    [
      'received list of one kind',
      RECEIVED,
      () => listReceived(database.db, member, { ...received, kind: 'page' }, { limit: 20 }),
      RECEIVED_LISTED,
    ],
    [
      'received list, second page',
      RECEIVED,
      async () => {
        const first = await listReceived(database.db, member, received, { limit: 20 });
        return listReceived(database.db, member, received, {
          cursor: first.nextCursor ?? undefined,
          limit: 20,
        });
      },
      RECEIVED_LISTED,
    ],
    [
      'received list, oldest first (R40)',
      RECEIVED,
      () => listReceived(database.db, member, { ...received, order: 'oldest' }, { limit: 20 }),
      RECEIVED_LISTED,
    ],
    [
      'received list with a note and mutual connections (R40)',
      RECEIVED,
      () =>
        listReceived(
          database.db,
          member,
          { ...received, withNote: true, minMutual: 2 },
          { limit: 20 },
        ),
      RECEIVED_LISTED,
    ],
    [
      'ignored received list (R38)',
      IGNORED,
      () => listReceived(database.db, member, { ...received, status: 'ignored' }, { limit: 20 }),
    ],
    [
      'ignored received list, oldest first (R38, R40)',
      IGNORED,
      () =>
        listReceived(
          database.db,
          member,
          { ...received, status: 'ignored', order: 'oldest' },
          { limit: 20 },
        ),
    ],
    [
      'sent list (R23)',
      SENT,
      () => listSent(database.db, member, sent, { limit: 20 }),
      SENT_LISTED,
    ],
    [
      'sent list of one kind',
      SENT,
      () => listSent(database.db, member, { ...sent, kind: 'connection' }, { limit: 20 }),
      SENT_LISTED,
    ],
    [
      'sent list, oldest first (R40)',
      SENT,
      () => listSent(database.db, member, { ...sent, order: 'oldest' }, { limit: 20 }),
      SENT_LISTED,
    ],
    [
      'count of a sender’s open invitations (R6)',
      SENT,
      () => countSenderOpen(database.db, member, NOW),
      SENT_LISTED,
    ],
    [
      'sent list of one kind, oldest first, second page (R40)',
      SENT,
      async () => {
        const oldest = { ...sent, kind: 'connection', order: 'oldest' } as const;
        const first = await listSent(database.db, member, oldest, { limit: 2 });
        return listSent(database.db, member, oldest, {
          cursor: first.nextCursor ?? undefined,
          limit: 2,
        });
      },
      SENT_LISTED,
    ],
    [
      'sent list searched by name (R40)',
      SENT,
      () => listSent(database.db, member, { ...sent, q: 'member 1' }, { limit: 20 }),
    ],
    ['received count', RECEIVED, () => countReceived(database.db, member, NOW)],
    [
      'who of a page of connections may be invited to a page: open invitations and cooldowns (R1, R16)',
      /invitations_(cooldown|received|target)/,
      () =>
        inviteeFacts(
          database.db,
          { senderId: member, kind: 'page', targetId: '3' },
          Array.from({ length: 30 }, (_, i) => `m00001${String(i).padStart(2, '0')}`),
          new Date(NOW),
        ),
    ],
    [
      'what a connection invitation is checked against (R1–R9)',
      /invitations_(one_open|cooldown|withdrawn)/,
      () =>
        loadInviteFacts(
          database.db,
          { id: member, email: 'm0000042@example.test' },
          'm0000043',
          new Date(NOW),
          RULE_DEFAULTS,
        ),
    ],
    [
      'what a send is checked against, its recipient found by handle (R1–R9)',
      /invitations_(one_open|cooldown|withdrawn)/,
      () =>
        database.transaction((tx) =>
          pipelined(
            tx,
            inviteFactsByHandleStep(tx, member, 'm0000043', new Date(NOW), RULE_DEFAULTS),
          ),
        ),
    ],
    [
      'an accept’s read, lock and what else is open between the two, found by the invitation (R3)',
      /invitations_(pkey|one_open)|sqlite_autoindex_invitations/,
      () =>
        database.transaction((tx) =>
          pipelined(
            tx,
            invitationStep(tx, 'i00000043'),
            lockInvitationMembersStep(tx, 'i00000043'),
            senderOpenBetweenPartiesStep(tx, 'i00000043'),
          ),
        ),
    ],
    [
      'sent count',
      SENT,
      () => countSent(database.db, member, NOW, '2026-05-18T00:00:00.000Z'),
      SENT_LISTED,
    ],
    [
      'time to accept over 90 days (R41)',
      /invitations_responded_idx/,
      () => acceptedWaitsSince(database.db, member, WINDOW_START),
    ],
    [
      'acceptance by note and how known over 90 days (R41)',
      /invitations_weekly_idx/,
      () => sentByAnswerSince(database.db, member, WINDOW_START),
    ],
    [
      'the summaries and mutual connections of a page’s members, their ids in one parameter (R23)',
      /members_pkey|sqlite_autoindex_members_1/,
      async () => {
        const page = Array.from({ length: 20 }, (_, i) => `m00002${String(i).padStart(2, '0')}`);
        const [summaries, mutual] = await Promise.all([
          findMemberSummaries(database.db, [...page, page[0] ?? '']),
          mutualCounts(database.db, member, page),
        ]);
        expect(page.map((id) => summaries.get(id).handle)).toEqual(page);
        expect([...mutual.keys()].sort()).toEqual(page);
      },
    ],
    [
      'admins’ list of members who have not verified their email (R32)',
      /members_unverified_idx/,
      () =>
        listMembersForAdmin(database.db, { q: '', status: 'unverified', now: NOW }, { limit: 20 }),
    ],
  ];

  it('people you may know: whom the viewer may not be offered is read once a page, by the viewer’s own indexes (R1, R16, R20)', async () => {
    const refused = unsuggestableTo(database.db, member, new Date(NOW), RULE_DEFAULTS);
    const plans = await plansOf(() => secondDegree(database.db, member, { limit: 20 }, refused));
    for (const { text } of plans) {
      // Once a page: a hashed subplan on PostgreSQL, a list SQLite builds before the first row.
      expect(text, text).toMatch(/hashed SubPlan|LIST SUBQUERY/);
      expect(text, text).not.toMatch(
        /CORRELATED SCALAR SUBQUERY \d+\n\s*SEARCH (invitations|blocks)|Join Filter:[^\n]*(invitations|blocks)/,
      );
      expect(text, text).toMatch(/invitations_withdrawn_idx/);
      expect(text, text).not.toMatch(/Seq Scan on invitations|SCAN invitations(?! USING)/);
    }
  });

  for (const [name, index, run, covering] of cases) {
    it(`${name} reads its own index in order, never the whole table`, async () => {
      for (const { query, text } of await plansOf(run)) {
        expect(text, text).toMatch(index);
        if (covering && dialect === 'sqlite') expect(text, text).toMatch(covering);
        expect(text, text).not.toMatch(/Seq Scan on invitations|SCAN invitations(?! USING)/);
        // A search by name looks up each listed invitation's recipient, never every member.
        expect(text, text).not.toMatch(/Seq Scan on members|SCAN members(?! USING)/);
        // A page comes straight off the index: no sort of everything the member ever sent.
        if (/ limit /i.test(query.sql))
          expect(text, text).not.toMatch(/TEMP B-TREE FOR ORDER BY|Sort/);
      }
    });
  }
});
