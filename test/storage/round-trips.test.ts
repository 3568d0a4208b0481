/**
 * How many statements (round trips to PostgreSQL, calls into SQLite) a send, an accept and a
 * withdrawal cost, BEGIN and COMMIT included: each one costs more to issue than to run, so the
 * request paths keep to a budget, and this test fails when one creeps up.
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { testDialect } from '../helpers/database.js';

let t: TestApp;
const issued: string[] = [];
/** On PostgreSQL, the statements sent while an earlier one on the same connection was unanswered. */
const pipelined: string[] = [];
const restores: (() => void)[] = [];
const unanswered = new WeakMap<object, number>();

/** Wraps `method` of `target` so that every call records its SQL first. */
function countCalls(
  target: object,
  method: string,
  sqlOf: (self: unknown, args: unknown[]) => string,
): void {
  const original: unknown = Reflect.get(target, method);
  if (typeof original !== 'function') throw new Error(`no ${method} to count`);
  Reflect.set(target, method, function (this: unknown, ...args: unknown[]) {
    issued.push(sqlOf(this, args));
    return Reflect.apply(original, this, args);
  });
  restores.push(() => Reflect.set(target, method, original));
}

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  if (typeof query === 'object' && query !== null && 'text' in query) return String(query.text);
  return '';
}

beforeAll(async () => {
  t = await startApp();
  if (t.dialect === 'postgres') {
    countCalls(pg.Client.prototype, 'query', (_self, [query]) => textOf(query));
    const query: unknown = Reflect.get(pg.Client.prototype, 'query');
    if (typeof query !== 'function') throw new Error('no query to watch');
    Reflect.set(pg.Client.prototype, 'query', function (this: object, ...args: unknown[]) {
      const waiting = unanswered.get(this) ?? 0;
      // A client in pipeline mode writes a statement at once; any other queues it until then.
      if (waiting > 0 && Reflect.get(this, 'pipeline') === true) pipelined.push(textOf(args[0]));
      unanswered.set(this, waiting + 1);
      const answered = () => unanswered.set(this, (unanswered.get(this) ?? 1) - 1);
      const result: unknown = Reflect.apply(query, this, args);
      if (result instanceof Promise) result.then(answered, answered);
      return result;
    });
    restores.push(() => Reflect.set(pg.Client.prototype, 'query', query));
  } else {
    const statement: object = Object.getPrototypeOf(
      new SqliteDatabase(':memory:').prepare('select 1'),
    );
    for (const method of ['run', 'get', 'all', 'iterate'] as const)
      countCalls(statement, method, (self) =>
        textOf({ text: Reflect.get(Object(self), 'source') }),
      );
  }
});

afterAll(async () => {
  for (const restore of restores.splice(0)) restore();
  await t.close();
});

/**
 * Round trips: on PostgreSQL the statements that waited for the one before them to be answered,
 * as the writes whose results no one reads travel with the next statement, or with the COMMIT
 * (db/postgres-write-batch.ts); SQLite runs in the process, where each statement is a call. A
 * request alone in its commit, as here, runs without a savepoint; one behind others in a shared
 * commit (db/group-commit.ts) adds two statements for its savepoint. Statements that need not
 * wait for each other are sent together (db/pipeline.ts): a send's lock of its two members and
 * what R1–R9 check, its recipient found by handle in the statement itself; an accept's read of
 * the invitation, the lock of its two members, what else is open between them (R3) and the state
 * change, the members found by the invitation's id; a withdrawal's or an ignore's read of the
 * invitation, its state change and the read of its two members. None of the three members
 * has a webhook, so no request reads webhooks (R35), nor does a withdrawal look for deliveries
 * to take back (R15).
 */
const BUDGET = {
  postgres: { send: 4, accept: 4, withdraw: 2, ignore: 2, 'second send': 2 },
  sqlite: { send: 9, accept: 14, withdraw: 8, ignore: 7, 'second send': 8 },
};

/** The round trips of one request's statements. */
interface Issued {
  statements: string[];
  roundTrips: number;
}

/** The statements one request issues, and how many of them waited for an answer. */
async function statementsOf(
  request: () => Promise<{ status: number }>,
  status: number,
): Promise<Issued> {
  issued.length = 0;
  pipelined.length = 0;
  const reply = await request();
  expect(reply.status).toBe(status);
  return { statements: [...issued], roundTrips: issued.length - pipelined.length };
}

describe('statements per request on the write paths', () => {
  let ann: Member;
  let ben: Member;
  let cat: Member;
  beforeAll(async () => {
    [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
  });

  it('R1–R9 a send, R10 an accept, R14 a withdrawal and R11 an ignore each keep to their budget', async () => {
    let id = '';
    const send = await statementsOf(async () => {
      const reply = await ann.invite(ben);
      id = String(reply.body.id);
      return reply;
    }, 201);
    const accept = await statementsOf(() => ben.post(`/api/v1/invitations/${id}/accept`), 200);
    const sent = await ann.invite(cat);
    const withdraw = await statementsOf(
      () => ann.post(`/api/v1/invitations/${String(sent.body.id)}/withdraw`),
      200,
    );
    const toBen = await cat.invite(ben);
    const ignore = await statementsOf(
      () => ben.post(`/api/v1/invitations/${String(toBen.body.id)}/ignore`),
      204,
    );
    const dan = await t.member('dan');
    const secondSend = await statementsOf(() => ann.invite(dan), 201);
    const counts = {
      send: send.roundTrips,
      accept: accept.roundTrips,
      withdraw: withdraw.roundTrips,
      ignore: ignore.roundTrips,
      'second send': secondSend.roundTrips,
    };
    // The send and the accept are each the first request of a token, which writes its use (at
    // most hourly); later requests do not. On PostgreSQL a token the process has let in is not
    // looked up on its own again: the lookup travels with the request's first statement
    // (db/carried-check.ts), a round trip less for every later request.
    expect(counts).toEqual(BUDGET[t.dialect]);
  });

  it.runIf(testDialect() === 'postgres')(
    'on PostgreSQL, a transaction’s first statement travels with its BEGIN instead of waiting for its answer',
    async () => {
      const eve = await t.member('eve');
      const sent = await ann.invite(eve);
      const withdraw = await statementsOf(
        () => ann.post(`/api/v1/invitations/${String(sent.body.id)}/withdraw`),
        200,
      );
      const begin = withdraw.statements.indexOf('begin');
      expect(begin).toBeGreaterThanOrEqual(0);
      expect(pipelined[0]).toBe(withdraw.statements[begin + 1]);
    },
  );
});
