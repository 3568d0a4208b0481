import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject, PASSWORD, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { connect } from '../helpers/network.js';
import { newSession } from '../helpers/session.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

let n = 0;
function signUpBody(extra: Record<string, unknown> = {}) {
  n++;
  return {
    email: `person${n}@example.test`,
    password: 'a long enough password',
    name: `Person ${n}`,
    handle: `person-${n}`,
    ...extra,
  };
}

function cookieOf(reply: { headers: Record<string, unknown> }): string {
  const raw = reply.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return String(first).split(';')[0]!;
}

/** A browser-like client: the session cookie, and the CSRF token when it chooses to send it. */
async function signedUp(extra: Record<string, unknown> = {}) {
  const body = signUpBody(extra);
  const reply = await inject(t.app, 'POST', '/api/v1/members', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { body, reply, cookie: cookieOf(reply), csrf: String(reply.body.csrfToken) };
}

describe('sign-up', () => {
  it('answers 201, signed in: the member with counts, a CSRF token and an HttpOnly Lax cookie', async () => {
    const { reply, body } = await signedUp({ headline: '  Engineer ', company: 'Acme' });
    expect(reply.body.member).toMatchObject({
      handle: body.handle,
      email: body.email,
      name: body.name,
      headline: 'Engineer',
      company: 'Acme',
      counts: { connections: 0, followers: 0, following: 0, received: 0, sent: 0 },
    });
    expect(reply.body.member).not.toHaveProperty('password_hash');
    expect(JSON.stringify(reply.body)).not.toContain(body.password);
    expect(typeof reply.body.csrfToken).toBe('string');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/^rapport_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a bad email, an empty password, a bad handle and a missing name with 400', async () => {
    for (const extra of [
      { email: 'not-an-email' },
      { email: '' },
      { email: 'a@' },
      { password: '' },
      { handle: 'A' },
      { handle: 'has space' },
      { handle: '-leading' },
      { name: '' },
      { name: '   ' },
      { unknownField: 1 },
    ]) {
      const reply = await inject(t.app, 'POST', '/api/v1/members', signUpBody(extra));
      expectProblem(reply, 400, 'validation_failed');
    }
    const noEmail = signUpBody() as Record<string, unknown>;
    delete noEmail.email;
    expectProblem(
      await inject(t.app, 'POST', '/api/v1/members', noEmail),
      400,
      'validation_failed',
    );
  });

  it('R27: a password of exactly 10 characters is enough; 9 are too few', async () => {
    const short = await inject(
      t.app,
      'POST',
      '/api/v1/members',
      signUpBody({ password: 'x7#kq2!pz' }),
    );
    expect(expectProblem(short, 400, 'weak_password').reason).toBe('too_short');
    const reply = await inject(
      t.app,
      'POST',
      '/api/v1/members',
      signUpBody({ password: 'x7#kq2!pzw' }),
    );
    expect(reply.status).toBe(201);
  });

  it('refuses a taken email (whatever its case) and a taken handle with 409', async () => {
    const { body } = await signedUp();
    const sameEmail = signUpBody({ email: body.email.toUpperCase() });
    expectProblem(await inject(t.app, 'POST', '/api/v1/members', sameEmail), 409, 'email_taken');
    const sameHandle = signUpBody({ handle: body.handle });
    expectProblem(await inject(t.app, 'POST', '/api/v1/members', sameHandle), 409, 'handle_taken');
  });

  it('racing sign-ups: one account per email and per handle, each refusal with its own code', async () => {
    const base = signUpBody();
    const sameEmail = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        inject(t.app, 'POST', '/api/v1/members', { ...base, handle: `${base.handle}-e${i}` }),
      ),
    );
    expect(sameEmail.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of sameEmail.filter((r) => r.status === 409))
      expect(r.body.code).toBe('email_taken');

    const handle = `race-${n}`;
    const sameHandle = await Promise.all(
      Array.from({ length: 4 }, () =>
        inject(t.app, 'POST', '/api/v1/members', signUpBody({ handle })),
      ),
    );
    expect(sameHandle.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of sameHandle.filter((r) => r.status === 409))
      expect(r.body.code).toBe('handle_taken');
  });

  it('racing sign-ups with the same name and no handle all get in, with different handles', async () => {
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => {
        const body = signUpBody({ name: 'Same Name Person' }) as Record<string, unknown>;
        delete body.handle;
        return inject(t.app, 'POST', '/api/v1/members', body);
      }),
    );
    expect(
      replies.map((r) => r.status),
      JSON.stringify(replies.map((r) => r.body)),
    ).toEqual([201, 201, 201, 201]);
    const handles = replies.map((r): string => r.body.member.handle);
    expect(new Set(handles).size).toBe(4);
    for (const h of handles) expect(h).toMatch(/^same-name-person/);
  });

  it('a sign-up that loses the race for its handle at the insert: handle_taken, or a new made-up handle', async () => {
    // Another transaction holds a new member with the handle, uncommitted, while sign-ups run
    // their checks; on PostgreSQL their inserts then wait on the unique index and fail.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    const at = t.clock.now().toISOString();
    const row = (handle: string, email: string) => ({
      id: `held-${handle}`,
      email,
      password_hash: 'x',
      name: 'Held',
      handle,
      headline: '',
      company: '',
      industry: '',
      location: '',
      search_text: handle,
      created_at: at,
      updated_at: at,
      connection_count: 0,
      invitation_policy: 'everyone' as const,
      email_on_invitation: 1,
      email_reminders: 1,
      email_on_accept: 1,
      page_invitations: 1,
      auto_withdraw_after_days: null,
      restricted_until: null,
    });
    const holder = t.ctx.database.transaction(async (trx) => {
      await trx.insertInto('members').values(row('held-handle', 'held1@example.test')).execute();
      await trx.insertInto('members').values(row('held-name', 'held2@example.test')).execute();
      inserted();
      await gate;
    });
    await ready;
    const chosen = inject(t.app, 'POST', '/api/v1/members', signUpBody({ handle: 'held-handle' }));
    const madeUp = signUpBody({ name: 'Held Name' }) as Record<string, unknown>;
    delete madeUp.handle;
    const generated = inject(t.app, 'POST', '/api/v1/members', madeUp);
    await new Promise((resolve) => setTimeout(resolve, 700));
    release();
    await holder;
    expectProblem(await chosen, 409, 'handle_taken');
    const second = await generated;
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.member.handle).toMatch(/^held-name-[0-9a-f]{4}$/);
  });

  it('gives a handle from the name when none is asked for', async () => {
    const body = signUpBody({ name: 'Zoë Ångström' }) as Record<string, unknown>;
    delete body.handle;
    const reply = await inject(t.app, 'POST', '/api/v1/members', body);
    expect(reply.status).toBe(201);
    expect(reply.body.member.handle).toMatch(/^zoe-angstrom/);
  });
});

describe('sign-in and sessions', () => {
  it('a wrong password or an unknown email answers 401, alike', async () => {
    const { body } = await signedUp();
    const wrong = await inject(t.app, 'POST', '/api/v1/session', {
      email: body.email,
      password: 'wrong password',
    });
    const unknown = await inject(t.app, 'POST', '/api/v1/session', {
      email: 'nobody@example.test',
      password: 'wrong password',
    });
    expectProblem(wrong, 401, 'unauthenticated');
    expectProblem(unknown, 401, 'unauthenticated');
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('the right password signs in, with the email in any case', async () => {
    const { body } = await signedUp();
    const reply = await inject(t.app, 'POST', '/api/v1/session', {
      email: ` ${body.email.toUpperCase()} `,
      password: body.password,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.member.handle).toBe(body.handle);
    const cookie = cookieOf(reply);
    const me = await inject(t.app, 'GET', '/api/v1/me', undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(reply.body.csrfToken);
  });

  it('a state change by cookie needs X-CSRF-Token: without or wrong → 403 csrf_failed', async () => {
    const { cookie, csrf } = await signedUp();
    const patch = { headline: 'Changed' };
    expectProblem(
      await inject(t.app, 'PATCH', '/api/v1/me', patch, { cookie }),
      403,
      'csrf_failed',
    );
    expectProblem(
      await inject(t.app, 'PATCH', '/api/v1/me', patch, {
        cookie,
        'x-csrf-token': 'not-the-token',
      }),
      403,
      'csrf_failed',
    );
    expectProblem(
      await inject(t.app, 'PATCH', '/api/v1/me', patch, {
        cookie,
        'x-csrf-token': csrf.slice(0, -1),
      }),
      403,
      'csrf_failed',
    );
    expect((await inject(t.app, 'GET', '/api/v1/me', undefined, { cookie })).body.headline).toBe(
      '',
    );
    const ok = await inject(t.app, 'PATCH', '/api/v1/me', patch, { cookie, 'x-csrf-token': csrf });
    expect(ok.status).toBe(200);
    expect(ok.body.headline).toBe('Changed');
    // Reading needs no token.
    expect(
      (await inject(t.app, 'GET', '/api/v1/invitations/sent', undefined, { cookie })).status,
    ).toBe(200);
  });

  it('every state change by cookie is guarded, not just some', async () => {
    const { cookie } = await signedUp();
    const other = await t.member('other');
    for (const [method, url, body] of [
      ['POST', '/api/v1/invitations', { kind: 'connection', to: other.handle }],
      ['PUT', `/api/v1/follows/${other.handle}`, undefined],
      ['DELETE', `/api/v1/connections/${other.handle}`, undefined],
      ['POST', '/api/v1/me/tokens', { name: 'x' }],
      ['DELETE', '/api/v1/session', undefined],
      ['PATCH', '/api/v1/settings', { emailReminders: false }],
      ['POST', '/api/v1/notifications/read', {}],
    ] as const) {
      expectProblem(await inject(t.app, method, url, body, { cookie }), 403, 'csrf_failed');
    }
    expect((await other.get('/api/v1/invitations/received/count')).body.total).toBe(0);
  });

  it('a bearer token needs no CSRF token', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expect((await ann.patch('/api/v1/me', { headline: 'Scripted' })).body.headline).toBe(
      'Scripted',
    );
    expect((await ann.invite(ben)).status).toBe(201);
  });

  it('no credentials, a bad token or a stale cookie answer 401 unauthenticated', async () => {
    expectProblem(await inject(t.app, 'GET', '/api/v1/me'), 401, 'unauthenticated');
    const bad = { authorization: 'Bearer rpt_not-a-token' };
    expectProblem(await inject(t.app, 'GET', '/api/v1/me', undefined, bad), 401, 'unauthenticated');
    expectProblem(
      await inject(t.app, 'GET', '/api/v1/me', undefined, { authorization: 'Basic abc' }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await inject(t.app, 'GET', '/api/v1/me', undefined, { cookie: 'rapport_session=forged' }),
      401,
      'unauthenticated',
    );
  });

  it('signing out ends the session; signing in again replaces the old one', async () => {
    const { cookie, csrf, body } = await signedUp();
    const out = await inject(t.app, 'DELETE', '/api/v1/session', undefined, {
      cookie,
      'x-csrf-token': csrf,
    });
    expect(out.status).toBe(204);
    expectProblem(
      await inject(t.app, 'GET', '/api/v1/me', undefined, { cookie }),
      401,
      'unauthenticated',
    );

    const first = await inject(t.app, 'POST', '/api/v1/session', {
      email: body.email,
      password: body.password,
    });
    const firstCookie = cookieOf(first);
    const second = await inject(
      t.app,
      'POST',
      '/api/v1/session',
      { email: body.email, password: body.password },
      { cookie: firstCookie },
    );
    expect(second.status).toBe(200);
    expectProblem(
      await inject(t.app, 'GET', '/api/v1/me', undefined, { cookie: firstCookie }),
      401,
      'unauthenticated',
    );
    expect(
      (await inject(t.app, 'GET', '/api/v1/me', undefined, { cookie: cookieOf(second) })).status,
    ).toBe(200);
  });

  it('a session ends after 30 days', async () => {
    const { cookie } = await signedUp();
    t.advanceDays(30);
    expectProblem(
      await inject(t.app, 'GET', '/api/v1/me', undefined, { cookie }),
      401,
      'unauthenticated',
    );
  });
});

describe('personal access tokens', () => {
  it('are shown once, listed without the secret, and stop working when revoked', async () => {
    const ann = await t.member('ann');
    // R28: only a signed-in session makes tokens.
    const session = await inject(t.app, 'POST', '/api/v1/session', {
      email: ann.email,
      password: PASSWORD,
    });
    const made = await inject(
      t.app,
      'POST',
      '/api/v1/me/tokens',
      { name: '  ci script ' },
      { cookie: cookieOf(session), 'x-csrf-token': String(session.body.csrfToken) },
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'ci script', lastUsedAt: null });
    const token: string = made.body.token;
    const auth = { authorization: `Bearer ${token}` };
    expect((await inject(t.app, 'GET', '/api/v1/me', undefined, auth)).body.handle).toBe(
      ann.handle,
    );

    const list = (await ann.get('/api/v1/me/tokens')).body.items;
    expect(list).toHaveLength(2);
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.find((i: { id: string }) => i.id === made.body.id).lastUsedAt).not.toBeNull();

    expect((await ann.delete(`/api/v1/me/tokens/${made.body.id}`)).status).toBe(204);
    expectProblem(
      await inject(t.app, 'GET', '/api/v1/me', undefined, auth),
      401,
      'unauthenticated',
    );
    expectProblem(await ann.delete(`/api/v1/me/tokens/${made.body.id}`), 404, 'token_not_found');
    expect((await ann.get('/api/v1/me/tokens')).body.items).toHaveLength(1);
  });

  it('one member cannot see or revoke another’s token', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const annTokens = (await ann.get('/api/v1/me/tokens')).body.items;
    expectProblem(await ben.delete(`/api/v1/me/tokens/${annTokens[0].id}`), 404, 'token_not_found');
    expect((await ann.get('/api/v1/me')).status).toBe(200);
    expect(
      (await ben.get('/api/v1/me/tokens')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(annTokens[0].id);
  });

  it('a token name is required and bounded', async () => {
    const ann = await t.member('ann');
    const browser = await newSession(t.app, ann.email);
    for (const wrong of [{ name: '' }, {}, { name: 'x'.repeat(101) }]) {
      expectProblem(
        await browser.request('POST', '/api/v1/me/tokens', wrong),
        400,
        'validation_failed',
      );
    }
  });
});

describe('GET /me counts', () => {
  it('counts connections, followers, following, received and sent, pages and upcoming events', async () => {
    const [me, a, b, c, d, e] = await Promise.all([
      t.member('me'),
      t.member('a'),
      t.member('b'),
      t.member('c'),
      t.member('d'),
      t.member('e'),
    ]);
    await connect(me, a); // +1 connection, +1 follower, +1 following
    await c.put(`/api/v1/follows/${me.handle}`); // +1 follower
    await me.put(`/api/v1/follows/${d.handle}`); // +1 following
    await me.invite(b); // +1 sent
    await e.invite(me); // +1 received
    const ignoredFrom = await d.invite(me);
    await me.post(`/api/v1/invitations/${ignoredFrom.body.id}/ignore`); // not counted
    expect((await me.get('/api/v1/me')).body.counts).toEqual({
      connections: 1,
      followers: 2,
      following: 2,
      received: 1,
      sent: 1,
      pages: 0,
      upcomingEvents: 0,
    });
  });
});
