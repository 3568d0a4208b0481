/**
 * The ceiling: what this machine does with the same load generator when the whole request is a
 * bare Fastify route and one raw INSERT into the real `invitations` table (same columns, same
 * indexes, same pragmas as Rapport's SQLite, or a plain pg pool of Rapport's size). Rapport's
 * figures are ratios to it, measured in the same run.
 */
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { defaultPoolSize } from '../src/db/database.js';
import { newPendingInvitation } from '../src/modules/invitations/invitation.js';
import { COLUMNS } from '../src/seed/seed.repository.js';

const url = process.env.BENCH_DATABASE_URL ?? '';
const columns = COLUMNS.invitations;
const { rules } = loadConfig({});

function values(sender: string, recipient: string): unknown[] {
  const row = newPendingInvitation(
    {
      kind: 'connection',
      senderId: sender,
      recipientId: recipient,
      targetId: '',
      note: null,
      howKnown: null,
      now: new Date(),
    },
    rules,
  );
  return columns.map((c) => row[c]);
}

function inserter(): (row: unknown[]) => Promise<void> {
  if (url.startsWith('sqlite:')) {
    const db = new SqliteDatabase(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      `insert into invitations (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`,
    );
    return (row) => {
      insert.run(row);
      return Promise.resolve();
    };
  }
  // Its connections are kept while the ceiling waits for the next write to measure: closed after
  // 10 s idle, as pg does by default, each run after a pause opened its backends anew and read
  // 1,358–1,889 req/s where the runs after a short one read 2,308–3,824.
  const pool = new pg.Pool({ connectionString: url, max: defaultPoolSize(), idleTimeoutMillis: 0 });
  const text = `insert into invitations (${columns.join(',')}) values (${columns.map((_, i) => `$${i + 1}`).join(',')})`;
  return async (row) => {
    await pool.query(text, row);
  };
}

const insert = inserter();
const app = Fastify();
app.post<{ Body: { sender: string; recipient: string } }>(
  '/invitations',
  async (request, reply) => {
    const row = values(request.body.sender, request.body.recipient);
    await insert(row);
    return reply.status(201).send({ id: row[0] });
  },
);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening at ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
