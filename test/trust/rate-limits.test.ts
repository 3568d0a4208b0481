import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { API, httpMethod, PASSWORD, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';

const MINUTE_MS = 60_000;
const REDIS_URL = process.env.RAPPORT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A caller address of its own, so runs that share a Redis never share a counter. */
function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

async function signIn(app: App, ip: string, email: string, password = 'wrong password') {
  const response = await app.inject({
    method: 'POST',
    url: `${API}/session`,
    remoteAddress: ip,
    payload: { email, password },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

async function signUp(app: App, ip: string, n: number) {
  const response = await app.inject({
    method: 'POST',
    url: `${API}/members`,
    remoteAddress: ip,
    payload: {
      email: `rl-${ip}-${n}@example.test`,
      password: 'correct horse battery',
      name: `Rl ${n}`,
    },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

async function resetPassword(app: App, ip: string, email: string) {
  const response = await app.inject({
    method: 'POST',
    url: `${API}/account/password-reset`,
    remoteAddress: ip,
    payload: { email },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/**
 * R27 sign-in: 10 failures per address in a sliding 15 minutes, each for another email so that
 * no account limit is reached; the 11th try is refused even with the right password.
 */
async function expectSignInLimit(apps: App[], email: string, password: string): Promise<string> {
  const ip = randomIp();
  for (let i = 0; i < 10; i++) {
    const app = apps[i % apps.length]!;
    expectProblem(await signIn(app, ip, `guess-${i}-${ip}@example.test`), 401, 'unauthenticated');
  }
  const refused = await signIn(apps[10 % apps.length]!, ip, email, password);
  expectProblem(refused, 429, 'rate_limited');
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  // Another address is counted on its own.
  expect((await signIn(apps[0]!, randomIp(), email, password)).status).not.toBe(429);
  return ip;
}

describe('request rate limits in one process (RAPPORT_RATE_LIMITS on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ RAPPORT_RATE_LIMITS: 'on' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('R27 sign-in: after 10 failures from one address in 15 minutes → 429 rate_limited; 15 minutes later it is allowed', async () => {
    const ann = await t.member('ann');
    const ip = await expectSignInLimit([t.app], ann.email, 'correct horse battery');
    t.clock.advance(15 * MINUTE_MS);
    expect((await signIn(t.app, ip, ann.email, 'correct horse battery')).status).toBe(200);
  });

  it('R27: a password re-entered wrong, to change it or the email or to leave, counts per account: the 11th try from any address in an hour → 429', async () => {
    const ann = await t.member('ann');
    const as = async (method: string, url: string, payload: object) => {
      const response = await t.app.inject({
        method: httpMethod(method),
        url: `${API}${url}`,
        remoteAddress: randomIp(),
        headers: { authorization: `Bearer ${ann.token}` },
        payload,
      });
      const body: unknown = response.body ? response.json() : null;
      return { status: response.statusCode, body, headers: response.headers };
    };
    const wrong = 'not my password';
    const tries = [
      () =>
        as('PUT', '/me/password', { currentPassword: wrong, newPassword: 'a new long passphrase' }),
      () => as('PATCH', '/me', { email: 'ann-new@example.test', currentPassword: wrong }),
      () => as('DELETE', '/me', { password: wrong }),
    ];
    for (let i = 0; i < 10; i++) expectProblem(await tries[i % 3]!(), 403, 'wrong_password');
    for (const attempt of [
      () =>
        as('PUT', '/me/password', {
          currentPassword: PASSWORD,
          newPassword: 'a new long passphrase',
        }),
      () => as('DELETE', '/me', { password: PASSWORD }),
    ]) {
      const refused = expectProblem(await attempt(), 429, 'rate_limited');
      expect(new Date(String(refused.retryAt)).getTime()).toBeGreaterThan(t.clock.now().getTime());
    }
    expectStatus(await ann.get(`${API}/me`), 200);
    t.clock.advance(60 * MINUTE_MS);
    expectStatus(
      await as('PUT', '/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'a new long passphrase',
      }),
      204,
    );
  });

  it('R25: a changed email is mailed its link at most 5 times an hour, as a link asked for again', async () => {
    const ann = await t.member('ann');
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / (60 * MINUTE_MS)) * 60 * MINUTE_MS));
    for (let i = 0; i < 5; i++) {
      const changed = await ann.patch(`${API}/me`, {
        email: `ann-${i}-${ann.handle}@example.test`,
        currentPassword: PASSWORD,
      });
      expectStatus(changed, 200);
    }
    const refused = await ann.patch(`${API}/me`, {
      email: `ann-5-${ann.handle}@example.test`,
      currentPassword: PASSWORD,
    });
    expectProblem(refused, 429, 'rate_limited');
    const mailed = await t.ctx.database.db
      .selectFrom('outbox')
      .select('to_email')
      .where('to_email', 'like', `ann-%-${ann.handle}@example.test`)
      .execute();
    expect(mailed).toHaveLength(5);
    // A profile edit sends no mail and is not counted.
    expectStatus(await ann.patch(`${API}/me`, { headline: 'Still here' }), 200);
  });

  it('sign-up: the 21st from one address in an hour → 429 rate_limited', async () => {
    const ip = randomIp();
    for (let n = 0; n < 20; n++) expectStatus(await signUp(t.app, ip, n), 201);
    const refused = await signUp(t.app, ip, 20);
    expectProblem(refused, 429, 'rate_limited');
    expect(
      await t.ctx.database.db
        .selectFrom('members')
        .select('id')
        .where('email', '=', `rl-${ip}-20@example.test`)
        .execute(),
    ).toEqual([]);
    t.clock.advance(60 * MINUTE_MS);
    expectStatus(await signUp(t.app, ip, 20), 201);
  });

  it('R26 password reset: the 6th link for one email address in an hour → 429 from any caller, alike whether or not it has an account', async () => {
    const ann = await t.member('ann');
    const nobody = `nobody-${randomInt(1_000_000)}@example.test`;
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / (60 * MINUTE_MS)) * 60 * MINUTE_MS));
    const refusals = [];
    for (const email of [ann.email, nobody]) {
      for (let i = 0; i < 5; i++) expectStatus(await resetPassword(t.app, randomIp(), email), 202);
      const refused = await resetPassword(t.app, randomIp(), ` ${email.toUpperCase()}`);
      refusals.push(expectProblem(refused, 429, 'rate_limited'));
    }
    expect(refusals[0]).toEqual(refusals[1]);
    const links = await t.ctx.database.db
      .selectFrom('outbox')
      .select('id')
      .where('to_email', '=', ann.email)
      .where('template', '=', 'password_reset')
      .execute();
    expect(links).toHaveLength(5);
    t.clock.advance(60 * MINUTE_MS);
    expectStatus(await resetPassword(t.app, randomIp(), ann.email), 202);
  });

  it('sending: the 61st invitation request of a member in a minute → 429, whatever the first 60 answered', async () => {
    const [ann, ben, cy] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cy')]);
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / MINUTE_MS) * MINUTE_MS));
    for (let i = 0; i < 60; i++)
      expectProblem(await ann.invite('nobody-here'), 404, 'member_not_found');
    const refused = expectProblem(await ann.invite(ben), 429, 'rate_limited');
    expect(refused.retryAt).toBe(new Date(t.clock.now().getTime() + MINUTE_MS).toISOString());
    expect((await ben.get(`${API}/invitations/received/count`)).body.total).toBe(0);
    // The limit is per member.
    expectStatus(await cy.invite(ben), 201);
    t.clock.advance(MINUTE_MS);
    expectStatus(await ann.invite(ben), 201);
  });
});

describe('rate limits shared through Redis (RAPPORT_REDIS_URL)', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    [one, two] = await Promise.all([
      startApp({ RAPPORT_RATE_LIMITS: 'on', RAPPORT_REDIS_URL: REDIS_URL }),
      startApp({ RAPPORT_RATE_LIMITS: 'on', RAPPORT_REDIS_URL: REDIS_URL }),
    ]);
    // Both processes at one random moment: their windows are the same, and no other run's are.
    const now = new Date(
      Date.UTC(2030 + randomInt(50), randomInt(12), 1 + randomInt(28), randomInt(24)),
    );
    one.clock.set(now);
    two.clock.set(now);
  });
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  it('two app processes count sign-in failures together: the 11th try across both → 429', async () => {
    const ip = await expectSignInLimit(
      [one.app, two.app],
      'someone@example.test',
      'wrong password',
    );
    // Where the limit lives: Redis holds the counter of this window.
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`rapport:log:signIn:ip:${ip}`);
    await redis.quit();
    expect(keys).toHaveLength(1);
  });

  it('without Redis reachable, each process still limits on its own instead of failing', async () => {
    const alone = await startApp({
      RAPPORT_RATE_LIMITS: 'on',
      RAPPORT_REDIS_URL: 'redis://127.0.0.1:1',
    });
    try {
      await expectSignInLimit([alone.app], 'someone@example.test', 'wrong password');
    } finally {
      await alone.close();
    }
  });
});
