/**
 * Test members: signed up through the API (named, e.g. alice, bob and carol), or for tests that
 * need hundreds or thousands, rows written through the database in one transaction. Members
 * seeded as rows cannot sign in; use `t.member()` or `signUp` for those who call the API.
 */
import { loadConfig } from '../../src/config.js';
import { chunksOf } from '../../src/db/chunks.js';
import type { Database } from '../../src/db/types.js';
import { systemClock } from '../../src/lib/clock.js';
import { newId } from '../../src/lib/ids.js';
import {
  findMemberByHandle,
  type MemberRow,
  searchTextOf,
} from '../../src/modules/members/member.repository.js';
import { newMemberRow } from '../../src/modules/members/member.js';
import { generateNetwork } from '../../src/seed/generate.js';
import { issueTokens, type TokenHolder } from '../../src/seed/generate.tokens.js';
import { API, type Member, type Seeding, type TestApp } from './app.js';
import { expectStatus } from './expect.js';

let seeded = 0;

/** Signs several members up through the API at once, typed as a tuple. */
export function signUp<const N extends readonly string[]>(
  t: TestApp,
  ...names: N
): Promise<{ -readonly [K in keyof N]: Member }> {
  // Promise.all over a mapped tuple answers an array; no type says each name gives one member.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return Promise.all(names.map((n) => t.member(n))) as Promise<{
    -readonly [K in keyof N]: Member;
  }>;
}

export async function seedMembers(
  t: Seeding,
  count: number,
  profile: (i: number) => Partial<MemberRow> = () => ({}),
): Promise<MemberRow[]> {
  const at = t.clock.now().toISOString();
  const rows: MemberRow[] = [];
  for (let i = 0; i < count; i++) {
    const handle = `seeded-${++seeded}-${newId().slice(-6).toLowerCase()}`;
    const row = {
      ...newMemberRow(
        {
          id: newId(t.clock.now()),
          email: `${handle}@example.test`,
          passwordHash: 'not-a-hash',
          name: `Seeded Member ${seeded}`,
          handle,
          emailVerifiedAt: at,
        },
        at,
      ),
      ...profile(i),
    };
    row.search_text = searchTextOf(row);
    rows.push(row);
  }
  await t.ctx.database.transaction(async (db) => {
    for (const chunk of chunksOf(rows)) await db.insertInto('members').values(chunk).execute();
  });
  return rows;
}

export async function memberRow(t: Seeding, member: Member | string): Promise<MemberRow> {
  const handle = typeof member === 'string' ? member : member.handle;
  const row = await findMemberByHandle(t.ctx.database.db, handle);
  if (!row) throw new Error(`no member ${handle}`);
  return row;
}

export async function memberId(t: TestApp, member: Member | string): Promise<string> {
  return (await memberRow(t, member)).id;
}

/** Handles of every item of a paginated member list (`item.member.handle`). */
export async function handles(member: Member, url: string): Promise<string[]> {
  const reply = await member.get(`${url}${url.includes('?') ? '&' : '?'}limit=100`);
  expectStatus(reply, 200);
  return reply.body.items.map((item: { member: { handle: string } }) => item.member.handle);
}

export type LoadMember = TokenHolder;

/**
 * Members without connections or invitations who take invitations from anyone (R8), the first
 * `tokens` of them with a personal access token; some of the `count` generated ones may ask for
 * an email instead.
 */
export async function seedMembersWithTokens(
  database: Database,
  url: string,
  count: number,
  tokens = count,
): Promise<LoadMember[]> {
  const now = systemClock.now();
  await generateNetwork({
    databaseUrl: url,
    members: count,
    invitations: 0,
    connections: 0,
    rules: loadConfig({}).rules,
    now,
  });
  const members = await database.db
    .selectFrom('members')
    .select(['id', 'handle'])
    .where('invitation_policy', '=', 'everyone')
    .orderBy('id')
    .limit(tokens)
    .execute();
  return issueTokens(url, members, now);
}

/** Every list and count a member reads of their own network that could name someone else. */
export const NETWORK_READS = [
  '/invitations/received',
  '/invitations/received?status=ignored',
  '/invitations/received/count',
  '/invitations/sent',
  '/invitations/sent/count',
  '/notifications',
  '/connections',
  '/followers',
  '/following',
  '/suggestions',
] as const;

/** `[status, body]` of each of `urls` (under /api/v1) as `member` reads them, by url. */
export async function readsOf(
  member: Member,
  urls: readonly string[],
): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const url of urls) {
    const reply = await member.get(`${API}${url}`);
    result[url] = [reply.status, reply.body];
  }
  return result;
}
