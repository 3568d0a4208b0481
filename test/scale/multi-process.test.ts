/**
 * Running at scale: two `rapport serve` and two `rapport worker` processes on one PostgreSQL
 * database. Clients race accept, withdraw and invite across both servers; afterwards every
 * invitation is in exactly one state, counts equal the rows, no member passes the connection
 * limit (R7) or the weekly limit (R5), and each due email reached the mail server exactly once.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import {
  createThrowawayDatabase,
  testDialect,
  type ThrowawayDatabase,
} from '../helpers/database.js';
import { SmtpSink } from '../email/smtp-sink.js';
import { type Child, freePort, runCli, stopAll, until, untilReady } from '../jobs/child.js';

const MAX_CONNECTIONS = 5;
const WEEKLY_LIMIT = 3;

interface Client {
  handle: string;
  token: string;
}

describe.skipIf(testDialect() !== 'postgres')(
  'two app processes and two workers on one database',
  () => {
    let throwaway: ThrowawayDatabase;
    let database: Database;
    let sink: SmtpSink;
    const children: Child[] = [];
    const servers: string[] = [];

    async function call(
      server: number,
      client: Client | null,
      method: string,
      path: string,
      body?: unknown,
    ) {
      const response = await fetch(`${servers[server % servers.length]}/api/v1${path}`, {
        method,
        headers: {
          ...(client ? { authorization: `Bearer ${client.token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    }

    let seq = 0;
    async function member(server: number): Promise<Client> {
      const handle = `m${++seq}-${Math.random().toString(36).slice(2, 7)}`;
      const response = await fetch(`${servers[server % servers.length]}/api/v1/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `${handle}@example.test`,
          password: 'correct horse battery',
          name: handle,
          handle,
        }),
      });
      const signUp = await response.json();
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      const token = await fetch(`${servers[server % servers.length]}/api/v1/me/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': signUp.csrfToken },
        body: JSON.stringify({ name: 'load' }),
      });
      return { handle, token: (await token.json()).token };
    }

    beforeAll(async () => {
      throwaway = await createThrowawayDatabase('postgres');
      database = openDatabase(throwaway.url);
      await migrateToLatest(database.db);
      sink = await new SmtpSink().start();
      const env = {
        RAPPORT_DATABASE_URL: throwaway.url,
        RAPPORT_RATE_LIMITS: 'off',
        RAPPORT_LOG_LEVEL: 'warn',
        RAPPORT_SECRET: 'multi-process-test-secret-0123456789',
        RAPPORT_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
        RAPPORT_WEEKLY_INVITATION_LIMIT: String(WEEKLY_LIMIT),
      };
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        children.push(
          runCli(['serve'], {
            ...env,
            RAPPORT_PORT: String(port),
            RAPPORT_JOBS: 'off',
          }),
        );
        servers.push(`http://127.0.0.1:${port}`);
      }
      for (let i = 0; i < 2; i++) {
        children.push(
          runCli(['worker'], {
            ...env,
            RAPPORT_SMTP_URL: sink.url,
            RAPPORT_JOB_INTERVAL_SECONDS: '1',
          }),
        );
      }
      await untilReady(servers, children);
    }, 120_000);

    afterAll(async () => {
      await stopAll(children);
      await sink?.stop();
      await database?.close();
      await throwaway?.drop();
    });

    it('races across both servers end in one outcome each, within every limit, with each mail sent once', async () => {
      // Accept on one server and withdraw on the other, at once: exactly one of them wins.
      const pairs = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => [await member(i), await member(i + 1)] as const),
      );
      const raced: string[] = [];
      await Promise.all(
        pairs.map(async ([sender, recipient], i) => {
          const sent = await call(i, sender, 'POST', '/invitations', {
            kind: 'connection',
            to: recipient.handle,
          });
          expect(sent.status).toBe(201);
          raced.push(sent.body.id);
          const [accept, withdraw] = await Promise.all([
            call(i, recipient, 'POST', `/invitations/${sent.body.id}/accept`),
            call(i + 1, sender, 'POST', `/invitations/${sent.body.id}/withdraw`),
          ]);
          expect([accept.status, withdraw.status].filter((s) => s === 200)).toHaveLength(1);
        }),
      );

      // Two members inviting each other at the same moment on different servers end up connected once (R3).
      const mutual = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => [await member(i), await member(i)] as const),
      );
      await Promise.all(
        mutual.map(([a, b]) =>
          Promise.all([
            call(0, a, 'POST', '/invitations', { kind: 'connection', to: b.handle }),
            call(1, b, 'POST', '/invitations', { kind: 'connection', to: a.handle }),
          ]),
        ),
      );

      // Ten invitations to one member, all accepted at once across both servers: the limit holds (R7).
      const hub = await member(0);
      const fans = await Promise.all(Array.from({ length: 10 }, (_, i) => member(i)));
      const invitations = await Promise.all(
        fans.map((fan, i) =>
          call(i, fan, 'POST', '/invitations', { kind: 'connection', to: hub.handle }),
        ),
      );
      const accepts = await Promise.all(
        invitations.map((inv, i) => call(i, hub, 'POST', `/invitations/${inv.body.id}/accept`)),
      );
      expect(accepts.filter((a) => a.status === 200)).toHaveLength(MAX_CONNECTIONS);
      expect(
        accepts
          .filter((a) => a.status !== 200)
          .every((a) => a.body.code === 'connection_limit_reached'),
      ).toBe(true);

      // One sender invites eight members at once across both servers: the weekly limit holds (R5).
      const sender = await member(1);
      const targets = await Promise.all(Array.from({ length: 8 }, (_, i) => member(i)));
      const sends = await Promise.all(
        targets.map((target, i) =>
          call(i, sender, 'POST', '/invitations', { kind: 'connection', to: target.handle }),
        ),
      );
      expect(sends.filter((s) => s.status === 201)).toHaveLength(WEEKLY_LIMIT);
      expect(sends.filter((s) => s.status === 429)).toHaveLength(8 - WEEKLY_LIMIT);

      const db = database.db;
      const states = await db
        .selectFrom('invitations')
        .select(['id', 'status'])
        .where('id', 'in', raced)
        .execute();
      expect(states.every((s) => s.status === 'accepted' || s.status === 'withdrawn')).toBe(true);

      for (const [a, b] of mutual) {
        const rows = await db
          .selectFrom('connections')
          .innerJoin('members as m', 'm.id', 'connections.member_id')
          .innerJoin('members as p', 'p.id', 'connections.peer_id')
          .select('m.handle')
          .where((eb) =>
            eb.or([
              eb.and([eb('m.handle', '=', a.handle), eb('p.handle', '=', b.handle)]),
              eb.and([eb('m.handle', '=', b.handle), eb('p.handle', '=', a.handle)]),
            ]),
          )
          .execute();
        expect(rows).toHaveLength(2);
      }
      const stillOpen = await sql<{ n: number }>`select count(*)::int as n from invitations i
      join members s on s.id = i.sender_id join members r on r.id = i.recipient_id
      where i.status in ('pending', 'ignored') and exists (
        select 1 from connections c where c.member_id = i.sender_id and c.peer_id = i.recipient_id)`.execute(
        db,
      );
      expect(stillOpen.rows[0]!.n).toBe(0);

      const counts = await sql<{ handle: string; stored: number; actual: number }>`
      select m.handle, m.connection_count as stored,
        (select count(*)::int from connections c where c.member_id = m.id) as actual
      from members m`.execute(db);
      for (const row of counts.rows) {
        expect(row.stored, row.handle).toBe(row.actual);
        expect(row.actual, row.handle).toBeLessThanOrEqual(MAX_CONNECTIONS);
      }
      const asymmetric = await sql<{ n: number }>`select count(*)::int as n from connections c
      where not exists (select 1 from connections d where d.member_id = c.peer_id and d.peer_id = c.member_id)`.execute(
        db,
      );
      expect(asymmetric.rows[0]!.n).toBe(0);

      // The workers deliver what is due; nothing twice, nothing cancelled.
      await until(
        async () =>
          (await db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute())
            .length === 0,
        'the outbox to drain',
        60_000,
      );
      const outbox = await db.selectFrom('outbox').select(['id', 'status', 'to_email']).execute();
      const sent = outbox.filter((m) => m.status === 'sent');
      expect(sent.length).toBeGreaterThan(0);
      const delivered = sink.mails.map((m) => m.headers['message-id']);
      expect(delivered).toHaveLength(sent.length);
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(new Set(delivered)).toEqual(new Set(sent.map((m) => `<${m.id}@rapport>`)));
    }, 180_000);
  },
);
