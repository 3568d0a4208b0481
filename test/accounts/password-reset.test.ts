import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API, inject, PASSWORD, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { linkToken, startWithSink } from '../helpers/mail.js';
import { newSession, signIn } from '../helpers/session.js';
import type { SmtpSink } from '../email/smtp-sink.js';

const MINUTE_MS = 60_000;
const NEW_PASSWORD = 'a brand new secret 42';

let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, sink, close } = await startWithSink({ RAPPORT_REQUIRE_VERIFIED_EMAIL: 'on' }));
});
afterAll(async () => {
  await close();
});
beforeEach(() => {
  sink.clear();
});

function requestReset(email: string) {
  return inject(t.app, 'POST', `${API}/account/password-reset`, { email });
}

function confirm(token: string, password = NEW_PASSWORD) {
  return inject(t.app, 'POST', `${API}/account/password-reset/confirm`, { token, password });
}

/** Asks for a reset and reads the token out of the mail that arrives. */
async function resetToken(email: string): Promise<string> {
  expectStatus(await requestReset(email), 202);
  await t.runJobs();
  const mail = sink
    .to(email)
    .filter((m) => m.subject === 'Reset your Rapport password')
    .at(-1);
  if (!mail) throw new Error(`no reset mail to ${email}`);
  return linkToken(mail.text, '/reset-password');
}

describe('R26 password reset', () => {
  it('R26: 202 with the same body whether or not an account exists; mail only to an account', async () => {
    const ann = await t.member('ann');
    await t.runJobs();
    sink.clear();
    const known = await requestReset(ann.email.toUpperCase());
    const unknown = await requestReset('nobody-here@example.test');
    expectStatus(known, 202);
    expectStatus(unknown, 202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toMatch(/^If an account exists/);
    await t.runJobs();
    expect(sink.to('nobody-here@example.test')).toHaveLength(0);
    expect(sink.to(ann.email).map((m) => m.subject)).toEqual(['Reset your Rapport password']);
  });

  it('R26: the link sets the new password, verifies the email and ends every session; tokens stay', async () => {
    const ben = await t.member('ben');
    const cookie = await newSession(t.app, ben.email);
    expectStatus(await cookie.request('GET', `${API}/me`), 200);
    expect((await ben.get(`${API}/me`)).body.emailVerified).toBe(false);

    expectStatus(await confirm(await resetToken(ben.email)), 204);

    expectProblem(await cookie.request('GET', `${API}/me`), 401, 'unauthenticated');
    const me = await ben.get(`${API}/me`);
    expectStatus(me, 200);
    expect(me.body.emailVerified).toBe(true);
    expectProblem((await signIn(t.app, ben.email, PASSWORD)).reply, 401, 'unauthenticated');
    expectStatus((await signIn(t.app, ben.email, NEW_PASSWORD)).reply, 200);
  });

  it('R26: a link works once, for 60 minutes', async () => {
    const cat = await t.member('cat');
    const token = await resetToken(cat.email);
    expectStatus(await confirm(token), 204);
    expectProblem(await confirm(token, 'yet another secret 7'), 400, 'invalid_token');
    expectStatus((await signIn(t.app, cat.email, NEW_PASSWORD)).reply, 200);

    const late = await resetToken(cat.email);
    t.clock.advance(60 * MINUTE_MS);
    expectProblem(await confirm(late, 'yet another secret 7'), 400, 'invalid_token');
    expectProblem(await confirm('never-issued'), 400, 'invalid_token');
  });

  it('R26: a reset mail still in the outbox once its link has expired or is void is not sent', async () => {
    const eli = await t.member('eli');
    await t.runJobs();
    sink.clear();
    expectStatus(await requestReset(eli.email), 202);
    t.clock.advance(60 * MINUTE_MS);
    await t.runJobs();
    expect(sink.to(eli.email)).toEqual([]);

    // Changing the password voids every reset link, those not mailed yet too.
    expectStatus(await requestReset(eli.email), 202);
    expectStatus(
      await eli.put(`${API}/me/password`, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      204,
    );
    await t.runJobs();
    expect(sink.to(eli.email)).toEqual([]);
    const mails = await t.ctx.database.db
      .selectFrom('outbox')
      .select(['status', 'last_error'])
      .where('to_email', '=', eli.email)
      .where('template', '=', 'password_reset')
      .execute();
    expect(mails).toEqual([
      { status: 'cancelled', last_error: 'its link no longer works: expired, used or void' },
      { status: 'cancelled', last_error: 'its link no longer works: expired, used or void' },
    ]);
  });

  it('R26: a link is void once the password changes by any path', async () => {
    const dan = await t.member('dan');
    const first = await resetToken(dan.email);
    const second = await resetToken(dan.email);
    expectStatus(await confirm(second), 204);
    expectProblem(await confirm(first, 'yet another secret 7'), 400, 'invalid_token');

    const third = await resetToken(dan.email);
    expectStatus(
      await dan.put(`${API}/me/password`, {
        currentPassword: NEW_PASSWORD,
        newPassword: 'changed in settings 9',
      }),
      204,
    );
    expectProblem(await confirm(third, 'yet another secret 7'), 400, 'invalid_token');
    expectStatus((await signIn(t.app, dan.email, 'changed in settings 9')).reply, 200);
  });

  it('R26, R27: a weak new password is refused with its reason, and the link stays usable', async () => {
    const eve = await t.member('eve');
    const token = await resetToken(eve.email);
    expect(expectProblem(await confirm(token, 'password123'), 400, 'weak_password').reason).toBe(
      'common',
    );
    expect(
      expectProblem(await confirm(token, `my ${eve.handle} pass`), 400, 'weak_password').reason,
    ).toBe('contains_handle');
    expectStatus(await confirm(token), 204);
  });
});
