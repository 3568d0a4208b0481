import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API, inject, type Member, PASSWORD, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { linkToken, mailStatuses, startWithSink } from '../helpers/mail.js';
import type { SmtpSink } from '../email/smtp-sink.js';

const DAY_MS = 24 * 60 * 60_000;

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

/** The token of the newest verification link mailed to this address. */
async function verificationToken(address: string): Promise<string> {
  await t.runJobs();
  const mails = sink.to(address).filter((m) => m.subject.includes('Verify your email'));
  const newest = mails.at(-1);
  if (!newest) throw new Error(`no verification mail to ${address}`);
  return linkToken(newest.text, '/verify-email');
}

function verify(token: string) {
  return inject(t.app, 'POST', `${API}/account/verify-email`, { token });
}

async function verified(member: Member): Promise<Member> {
  expectStatus(await verify(await verificationToken(member.email)), 200);
  return member;
}

describe('R25 email verification', () => {
  it('R25: sign-up answers 201 signed in, unverified, and mails a link that verifies once', async () => {
    const ann = await t.member('ann');
    expect((await ann.get(`${API}/me`)).body.emailVerified).toBe(false);

    await t.runJobs();
    const [mail, ...more] = sink.to(ann.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Verify your email address for Rapport');
    expect(mail!.headers['list-unsubscribe']).toBeUndefined();
    const token = linkToken(mail!.text, '/verify-email');
    expect(mail!.html).toContain(`/verify-email?token=${token}`);

    // Only the token's hash is stored; the delivered mail's row forgot the token.
    const stored = await t.ctx.database.db.selectFrom('account_tokens').select('id').execute();
    expect(stored.map((r) => r.id)).not.toContain(token);
    const outbox = await t.ctx.database.db
      .selectFrom('outbox')
      .select(['payload', 'status'])
      .where('to_email', '=', ann.email)
      .execute();
    expect(outbox).toEqual([{ status: 'sent', payload: '{"token":null}' }]);

    const reply = await verify(token);
    expectStatus(reply, 200);
    expect(reply.body).toEqual({ email: ann.email, emailVerified: true });
    expect((await ann.get(`${API}/me`)).body.emailVerified).toBe(true);

    expectProblem(await verify(token), 400, 'invalid_token');
    expectProblem(await verify('not-a-token-we-made'), 400, 'invalid_token');
  });

  it('R25: a link is good for 24 hours; POST /me/email-verification mails a new one', async () => {
    const ben = await t.member('ben');
    const old = await verificationToken(ben.email);
    t.clock.advance(DAY_MS);
    expectProblem(await verify(old), 400, 'invalid_token');

    expectStatus(await ben.post(`${API}/me/email-verification`), 202);
    const fresh = await verificationToken(ben.email);
    expect(fresh).not.toBe(old);
    t.clock.advance(DAY_MS - 1000);
    expectStatus(await verify(fresh), 200);
    expect((await ben.get(`${API}/me`)).body.emailVerified).toBe(true);

    // Once verified, asking again sends nothing.
    sink.clear();
    const again = await ben.post(`${API}/me/email-verification`);
    expectStatus(again, 202);
    expect(again.body).toEqual({ emailVerified: true });
    await t.runJobs();
    expect(sink.to(ben.email)).toHaveLength(0);
  });

  it('R25: until verified, sending an invitation of any kind → 403 email_unverified', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    await verified(dan);
    // Connected, so that page and event invitations from cat are possible at all.
    const toCat = await dan.invite(cat);
    expectStatus(toCat, 201);
    expectStatus(await cat.post(`${API}/invitations/${toCat.body.id}/accept`), 200);
    const page = await cat.post(`${API}/pages`, { name: 'Cat Co' });
    expectStatus(page, 201);
    const event = await cat.post(`${API}/events`, {
      name: 'Cat meetup',
      startsAt: new Date(t.clock.now().getTime() + 7 * DAY_MS).toISOString(),
    });
    expectStatus(event, 201);
    const eve = await verified(await t.member('eve'));

    expectProblem(await cat.invite(eve), 403, 'email_unverified');
    // R24: the profile's Connect says what sending says.
    expect((await cat.get(`${API}/members/${eve.handle}`)).body.canInvite).toEqual({
      ok: false,
      code: 'email_unverified',
    });
    expectProblem(
      await cat.post(`${API}/pages/${page.body.id}/invitations`, { to: [dan.handle] }),
      403,
      'email_unverified',
    );
    expectProblem(
      await cat.post(`${API}/events/${event.body.id}/invitations`, { to: [dan.handle] }),
      403,
      'email_unverified',
    );
    expect((await eve.get(`${API}/invitations/received/count`)).body.total).toBe(0);

    await verified(cat);
    expect((await cat.get(`${API}/members/${eve.handle}`)).body.canInvite).toEqual({ ok: true });
    expectStatus(await cat.invite(eve), 201);
    const pageInvites = await cat.post(`${API}/pages/${page.body.id}/invitations`, {
      to: [dan.handle],
    });
    expectStatus(pageInvites, 200);
  });

  it('R25: an unverified member gets no invitation or reminder mail; once verified, the next reminder arrives', async () => {
    const fay = await verified(await t.member('fay'));
    const gus = await t.member('gus');
    const sent = await fay.invite(gus);
    expectStatus(sent, 201);

    await t.runJobs();
    t.advanceDays(3);
    await t.runJobs();
    const subjects = () => sink.to(gus.email).map((m) => m.subject);
    expect(subjects()).toEqual(['Verify your email address for Rapport']);
    expect(await mailStatuses(t, sent.body.id)).toEqual(['cancelled', 'cancelled']);

    // The link from sign-up has expired by now; a new one is asked for.
    expectStatus(await gus.post(`${API}/me/email-verification`), 202);
    await verified(gus);
    t.advanceDays(7);
    await t.runJobs();
    expect(subjects().filter((s) => !s.startsWith('Verify'))).toHaveLength(1);
    expect(await mailStatuses(t, sent.body.id)).toEqual(['cancelled', 'cancelled', 'sent']);
  });

  it('R25: changing the email needs the password, makes it unverified, and voids links to the old address', async () => {
    const hal = await verified(await t.member('hal'));
    const ivy = await t.member('ivy');
    const newEmail = `hal-new-${Date.now()}@example.test`;

    expectProblem(
      await hal.patch(`${API}/me`, { email: newEmail, currentPassword: 'not my password' }),
      403,
      'wrong_password',
    );
    expectProblem(await hal.patch(`${API}/me`, { email: newEmail }), 400, 'validation_failed');
    expectProblem(
      await hal.patch(`${API}/me`, { email: ivy.email.toUpperCase(), currentPassword: PASSWORD }),
      409,
      'email_taken',
    );

    // A link still out for the old address must not verify the new one.
    expectStatus(await hal.post(`${API}/me/email-verification`), 202);
    await t.runJobs();
    sink.clear();

    // A refused part of the request leaves the other unwritten: no new address, no link to it.
    const before = (await hal.get(`${API}/me`)).body;
    expectProblem(
      await hal.patch(`${API}/me`, {
        email: newEmail,
        currentPassword: PASSWORD,
        headline: 'Moved\u202e',
      }),
      400,
      'invalid_text',
    );
    expect((await hal.get(`${API}/me`)).body).toMatchObject({
      email: hal.email,
      emailVerified: before.emailVerified,
      headline: before.headline,
    });
    await t.runJobs();
    expect(sink.to(newEmail)).toHaveLength(0);

    const changed = await hal.patch(`${API}/me`, {
      email: newEmail.toUpperCase(),
      currentPassword: PASSWORD,
      headline: 'Moved',
    });
    expectStatus(changed, 200);
    expect(changed.body).toMatchObject({
      email: newEmail,
      emailVerified: false,
      headline: 'Moved',
    });
    expectProblem(await hal.invite(ivy), 403, 'email_unverified');

    const token = await verificationToken(newEmail);
    expect(sink.to(hal.email)).toHaveLength(0);
    expectStatus(await verify(token), 200);
    expect((await hal.get(`${API}/me`)).body).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    expectStatus(await hal.invite(ivy), 201);
  });
});

describe('R25 with requireVerifiedEmail off', () => {
  let off: Awaited<ReturnType<typeof startWithSink>>;
  beforeAll(async () => {
    off = await startWithSink({ RAPPORT_REQUIRE_VERIFIED_EMAIL: 'off' });
  });
  afterAll(async () => {
    await off.close();
  });

  it('R25: verification is only shown: unverified members invite and get invitation mail', async () => {
    const [jo, kim] = await Promise.all([off.t.member('jo'), off.t.member('kim')]);
    expect((await jo.get(`${API}/me`)).body.emailVerified).toBe(false);
    expect((await inject(off.t.app, 'GET', `${API}/instance`)).body.requireVerifiedEmail).toBe(
      false,
    );
    expect((await jo.get(`${API}/members/${kim.handle}`)).body.canInvite).toEqual({ ok: true });
    expectStatus(await jo.invite(kim), 201);
    await off.t.runJobs();
    expect(off.sink.to(kim.email).map((m) => m.subject)).toEqual([
      '“Jo” wants to connect with you',
    ]);

    // A member may still verify, by asking for a link.
    expectStatus(await kim.post(`${API}/me/email-verification`), 202);
    await off.t.runJobs();
    const mail = off.sink.to(kim.email).at(-1)!;
    const token = linkToken(mail.text, '/verify-email');
    expectStatus(await inject(off.t.app, 'POST', `${API}/account/verify-email`, { token }), 200);
    expect((await kim.get(`${API}/me`)).body.emailVerified).toBe(true);
  });
});
