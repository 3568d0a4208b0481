import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { API, inject, PASSWORD, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { memberRow } from '../helpers/members.js';
import { newSession, signIn } from '../helpers/session.js';

const MINUTE_MS = 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

let n = 0;
function signUp(password: string, handle = `pw-${++n}`) {
  return inject(t.app, 'POST', `${API}/members`, {
    email: `mail-${handle}@example.test`,
    password,
    name: `Pw ${n}`,
    handle,
  });
}

describe('R27 password policy', () => {
  it('R27: sign-up refuses weak passwords with 400 weak_password and a reason', async () => {
    const cases: [string, string][] = [
      ['nine char', 'too_short'],
      ['x'.repeat(257), 'too_long'],
      ['qwertyuiop', 'common'],
      ['Password123', 'common'],
      ['i am pw-handle-x, ok', 'contains_handle'],
      ['mail-pw-handle-x rocks', 'contains_handle'],
    ];
    for (const [password, reason] of cases) {
      const body = expectProblem(await signUp(password, 'pw-handle-x'), 400, 'weak_password');
      expect(body.reason, password).toBe(reason);
      expect(body.detail).toBeTruthy();
      // Sign-up makes the handle without showing it, so the refusal names it.
      if (reason === 'contains_handle')
        expect(body.detail).toBe('A password may not contain your handle, pw-handle-x.');
    }
    const byEmail = await inject(t.app, 'POST', `${API}/members`, {
      email: 'dora.lane@example.test',
      password: 'hello dora.lane!',
      name: 'Dora',
      handle: 'dora-x',
    });
    expect(expectProblem(byEmail, 400, 'weak_password').reason).toBe('contains_email');
    expectStatus(await signUp('x'.repeat(256)), 201);
  });

  it('R27: PUT /me/password → 204, ends every other session but not this one', async () => {
    const ann = await t.member('ann');
    const here = await newSession(t.app, ann.email);
    const there = await newSession(t.app, ann.email);

    const change = (currentPassword: string, newPassword: string) =>
      here.request('PUT', `${API}/me/password`, { currentPassword, newPassword });
    expectProblem(await change('not my password', 'a fine new secret 1'), 403, 'wrong_password');
    expect(expectProblem(await change(PASSWORD, '1234567890'), 400, 'weak_password').reason).toBe(
      'common',
    );
    expectStatus(await there.request('GET', `${API}/me`), 200);

    expectStatus(await change(PASSWORD, 'a fine new secret 1'), 204);
    expectStatus(await here.request('GET', `${API}/me`), 200);
    expectProblem(await there.request('GET', `${API}/me`), 401, 'unauthenticated');
    // Personal access tokens stay.
    expectStatus(await ann.get(`${API}/me`), 200);
    expectProblem((await signIn(t.app, ann.email)).reply, 401, 'unauthenticated');
    expectStatus((await signIn(t.app, ann.email, 'a fine new secret 1')).reply, 200);
  });
});

/** A caller address of its own, so runs that share a counter never meet. */
function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

async function signInFrom(app: App, ip: string, email: string, password: string) {
  const response = await app.inject({
    method: 'POST',
    url: `${API}/session`,
    remoteAddress: ip,
    payload: { email, password },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

describe('R27 sign-in failures per account (RAPPORT_RATE_LIMITS on)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startApp({ RAPPORT_RATE_LIMITS: 'on' });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('R27: 10 failures in an hour from any addresses limit the account; an unknown email answers the same', async () => {
    const ben = await limited.member('ben');
    const unknown = 'nobody-at-all@example.test';
    for (let i = 0; i < 10; i++) {
      limited.clock.advance(MINUTE_MS);
      for (const email of [ben.email, unknown]) {
        const reply = await signInFrom(limited.app, randomIp(), email, 'wrong password');
        expectProblem(reply, 401, 'unauthenticated');
      }
    }
    const refused = await signInFrom(limited.app, randomIp(), ben.email, PASSWORD);
    const alike = await signInFrom(limited.app, randomIp(), unknown, PASSWORD);
    expectProblem(refused, 429, 'rate_limited');
    expect(alike.body).toEqual(refused.body);
    expect(alike.headers['retry-after']).toBe(refused.headers['retry-after']);
    // Sliding: the first failure leaves the window an hour after it was made.
    const firstFailure = new Date('2026-03-02T09:01:00.000Z').getTime();
    expect(refused.body.retryAt).toBe(new Date(firstFailure + 60 * MINUTE_MS).toISOString());

    // Another account from the same addresses is not affected.
    const cy = await limited.member('cy');
    expectStatus(await signInFrom(limited.app, randomIp(), cy.email, PASSWORD), 200);

    limited.clock.set(new Date(firstFailure + 60 * MINUTE_MS));
    expectStatus(await signInFrom(limited.app, randomIp(), ben.email, PASSWORD), 200);
  });
});

describe('how passwords are stored', () => {
  /** argon2id's parameters, as its encoded hash carries them. */
  const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');

  it('hashes with argon2id at 19 MiB and 2 passes as it ships, and at the lowest cost only when a test asks', async () => {
    const shipped = await startApp({ RAPPORT_TEST_FAST_PASSWORDS: '0' });
    try {
      const ann = await shipped.member('ann');
      expect(parameters((await memberRow(shipped, ann)).password_hash)).toBe(
        'argon2id$v=19$m=19456,t=2,p=1',
      );
      expectStatus((await signIn(shipped.app, ann.email)).reply, 200);
      expectProblem(
        (await signIn(shipped.app, ann.email, 'not her password')).reply,
        401,
        'unauthenticated',
      );
    } finally {
      await shipped.close();
    }
    const bo = await t.member('bo');
    expect(parameters((await memberRow(t, bo)).password_hash)).toBe('argon2id$v=19$m=8,t=1,p=1');
  });
});
