import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.js';
import { API, inject, startApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ RAPPORT_REQUIRE_VERIFIED_EMAIL: 'on' });
});
afterAll(async () => {
  await t.close();
});

describe('demo data', () => {
  it('R25: demo members are verified, so they can invite at once', async () => {
    expect(await seedDemo(t.ctx.database, t.ctx.config, t.clock.now())).toBe(true);
    const unverified = await t.ctx.database.db
      .selectFrom('members')
      .select('handle')
      .where('email_verified_at', 'is', null)
      .execute();
    expect(unverified).toEqual([]);
    const signIn = await inject(t.app, 'POST', `${API}/session`, {
      email: 'alice@example.com',
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.member.emailVerified).toBe(true);
  });
});
