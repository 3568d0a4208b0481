/**
 * The network generator (`rapport seed --members --invitations`) on both databases: the data
 * it writes obeys the rules a real history would have, and the app serves it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type AppContext, createContext } from '../../src/context.js';
import type { App } from '../../src/http/types.js';
import { DAY_MS } from '../../src/lib/time.js';
import { generateNetwork, type GenerateSummary, SEED_PASSWORD } from '../../src/seed/generate.js';
import { inject } from '../helpers/app.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/database.js';

const ENV = {
  RAPPORT_MAX_CONNECTIONS: '60',
  RAPPORT_WEEKLY_INVITATION_LIMIT: '20',
  RAPPORT_MAX_OPEN_SENT: '150',
  RAPPORT_PAGE_CREDITS_PER_MONTH: '10',
  RAPPORT_RATE_LIMITS: 'off',
  RAPPORT_LOG_LEVEL: 'silent',
  RAPPORT_JOBS: 'off',
  RAPPORT_TEST_CLOCK: '1',
};
const NOW = new Date('2026-03-02T09:00:00.000Z');

let throwaway: ThrowawayDatabase;
let ctx: AppContext;
let app: App;
let summary: GenerateSummary;

beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  const config = loadConfig({ ...ENV, RAPPORT_DATABASE_URL: throwaway.url });
  ctx = await createContext(config);
  ctx.manualClock?.set(NOW);
  summary = await generateNetwork({
    databaseUrl: throwaway.url,
    members: 400,
    invitations: 4000,
    connections: 1500,
    rules: config.rules,
    now: NOW,
  });
  app = await buildApp(ctx);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
  await throwaway?.drop();
});

async function rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(ctx.database.db)).rows;
}

describe('rapport seed --members --invitations', () => {
  it('writes what it says, with every kind and state of invitation', async () => {
    const [counts] = await rows<{ members: number; invitations: number; connections: number }>(sql`
      select (select count(*) from members) as members, (select count(*) from invitations) as invitations,
             (select count(*) from connections) as connections`);
    expect(counts).toEqual({
      members: 400,
      invitations: summary.invitations,
      connections: 2 * summary.connections,
    });
    expect(summary.invitations).toBeGreaterThan(3800);
    const states = await rows<{ kind: string; status: string }>(
      sql`select distinct kind, status from invitations`,
    );
    for (const kind of ['connection', 'page', 'event']) {
      for (const status of ['pending', 'ignored', 'accepted', 'withdrawn', 'expired']) {
        expect(states, `${kind} ${status}`).toContainEqual({ kind, status });
      }
    }
  });

  it('R7: connection_count equals the connection rows; the most connected are near the limit, never past it', async () => {
    const wrong = await rows(sql`
      select m.id from members m
      where m.connection_count <> (select count(*) from connections c where c.member_id = m.id)`);
    expect(wrong).toEqual([]);
    const [top] = await rows<{ max: number }>(
      sql`select max(connection_count) as max from members`,
    );
    expect(Number(top?.max)).toBeLessThanOrEqual(60);
    expect(Number(top?.max)).toBeGreaterThanOrEqual(50);
  });

  it('R1 R3: one open invitation per pair, kind and target, never open both ways nor between connections', async () => {
    const duplicates = await rows(sql`
      select sender_id from invitations where status in ('pending', 'ignored', 'blocked')
      group by sender_id, recipient_id, kind, target_id having count(*) > 1`);
    expect(duplicates).toEqual([]);
    const bothWays = await rows(sql`
      select a.id from invitations a join invitations b
        on b.sender_id = a.recipient_id and b.recipient_id = a.sender_id and b.kind = 'connection'
      where a.kind = 'connection' and a.status in ('pending', 'ignored') and b.status in ('pending', 'ignored')`);
    expect(bothWays).toEqual([]);
    const connected = await rows(sql`
      select i.id from invitations i join connections c on c.member_id = i.sender_id and c.peer_id = i.recipient_id
      where i.kind = 'connection' and i.status in ('pending', 'ignored')`);
    expect(connected).toEqual([]);
  });

  it('R10: every accepted connection invitation made its connection, both rows and both follows', async () => {
    const broken = await rows(sql`
      select i.id from invitations i
      where i.kind = 'connection' and i.status = 'accepted' and (
        not exists (select 1 from connections c where c.member_id = i.sender_id and c.peer_id = i.recipient_id)
        or not exists (select 1 from connections c where c.member_id = i.recipient_id and c.peer_id = i.sender_id)
        or not exists (select 1 from follows f where f.follower_id = i.recipient_id and f.followee_id = i.sender_id))`);
    expect(broken).toEqual([]);
  });

  it('R5 R6 R13 R21: within the weekly limit, the open cap and page credits; expired only after 180 days', async () => {
    const sent = await rows<{ sender_id: string; sent_at: string }>(sql`
      select sender_id, sent_at from invitations where kind = 'connection' order by sender_id, sent_at`);
    let worst = 0;
    for (let i = 0, from = 0; i < sent.length; i++) {
      const row = sent[i]!;
      if (row.sender_id !== sent[from]!.sender_id) from = i;
      while (Date.parse(sent[from]!.sent_at) <= Date.parse(row.sent_at) - 7 * DAY_MS) from++;
      worst = Math.max(worst, i - from + 1);
    }
    expect(worst).toBeLessThanOrEqual(20);
    const [open] = await rows<{ max: number }>(sql`
      select max(n) as max from (select count(*) as n from invitations
      where status in ('pending', 'ignored') group by sender_id) as counts`);
    expect(Number(open?.max)).toBeLessThanOrEqual(150);
    const [credits] = await rows<{ max: number }>(sql`select max(used) as max from page_credits`);
    expect(Number(credits?.max)).toBeLessThanOrEqual(10);
    const early = await rows(sql`
      select id from invitations where (status = 'expired') <> (sent_at <= ${new Date(NOW.getTime() - 180 * DAY_MS).toISOString()})
      and status in ('pending', 'ignored', 'expired')`);
    expect(early).toEqual([]);
  });

  it('R38: a generated ignored invitation knows when it was ignored, and no other one does', async () => {
    const wrong = await rows(sql`
      select id from invitations
      where (status = 'ignored' and (ignored_at is null or ignored_at <> responded_at))
         or (status <> 'ignored' and ignored_at is not null)`);
    expect(wrong).toEqual([]);
  });

  it('R25: generated members count as verified', async () => {
    const [unverified] = await rows<{ n: number }>(
      sql`select count(*) as n from members where email_verified_at is null`,
    );
    expect(Number(unverified?.n)).toBe(0);
  });

  it('R15 R23: open invitations have their notification, accepted ones the sender’s, and a generated member sees their lists', async () => {
    const [missing] = await rows<{ n: number }>(sql`
      select count(*) as n from invitations i where i.status in ('pending', 'ignored')
      and not exists (select 1 from notifications n where n.invitation_id = i.id)`);
    expect(Number(missing?.n)).toBe(0);
    const [unannounced] = await rows<{ n: number }>(sql`
      select count(*) as n from invitations i where i.status = 'accepted'
      and not exists (select 1 from notifications n where n.invitation_id = i.id
        and n.member_id = i.sender_id and n.type = 'invitation_accepted')`);
    expect(Number(unannounced?.n)).toBe(0);
    const [all] = await rows<{ n: number }>(sql`select count(*) as n from notifications`);
    expect(Number(all?.n)).toBe(summary.notifications);
    const [busy] = await rows<{ email: string; n: number }>(sql`
      select m.email, count(*) as n from invitations i join members m on m.id = i.recipient_id
      where i.status = 'pending' group by m.email order by count(*) desc, m.email limit 1`);
    const signIn = await inject(app, 'POST', '/api/v1/session', {
      email: busy!.email,
      password: SEED_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const count = await inject(app, 'GET', '/api/v1/invitations/received/count', undefined, {
      cookie,
    });
    expect(count.body.total).toBe(Number(busy!.n));
    const page = await inject(app, 'GET', '/api/v1/invitations/received?limit=5', undefined, {
      cookie,
    });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(Math.min(5, Number(busy!.n)));
  });
});
