import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, inject, PASSWORD, type Reply, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

/** One browser: its cookie and CSRF token, and the user agent it says it is. */
interface Browser {
  cookie: string;
  csrf: string;
  userAgent: string;
}

function cookieOf(reply: Reply): string {
  const raw = reply.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return String(first).split(';')[0]!;
}

async function signIn(email: string, userAgent: string): Promise<Browser> {
  const reply = await inject(
    t.app,
    'POST',
    `${API}/session`,
    { email, password: PASSWORD },
    { 'user-agent': userAgent },
  );
  expectStatus(reply, 200);
  return { cookie: cookieOf(reply), csrf: String(reply.body.csrfToken), userAgent };
}

function as(browser: Browser, method: string, url: string, payload?: unknown) {
  return inject(t.app, method, `${API}${url}`, payload, {
    cookie: browser.cookie,
    'x-csrf-token': browser.csrf,
    'user-agent': browser.userAgent,
  });
}

describe('R28 sessions', () => {
  it('R28: lists every session with when it was made and last used, its browser and which is this one', async () => {
    const ann = await t.member('ann');
    const laptop = await signIn(ann.email, 'Laptop Firefox');
    t.clock.advance(5 * 60_000);
    const phone = await signIn(ann.email, 'Phone Safari');

    const list = await as(phone, 'GET', '/me/sessions');
    expectStatus(list, 200);
    const mine = list.body.items.filter((s: { userAgent: string | null }) =>
      ['Laptop Firefox', 'Phone Safari'].includes(String(s.userAgent)),
    );
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ userAgent: 'Phone Safari', current: true });
    expect(mine[1]).toMatchObject({ userAgent: 'Laptop Firefox', current: false });
    expect(new Date(mine[1].createdAt) < new Date(mine[0].createdAt)).toBe(true);

    // Last used moves with use, but not on every request: at most once a minute.
    const before = mine[1].lastUsedAt;
    t.clock.advance(10 * 60_000);
    expectStatus(await as(laptop, 'GET', '/me'), 200);
    const after = (await as(phone, 'GET', '/me/sessions')).body.items.find(
      (s: { userAgent: string }) => s.userAgent === 'Laptop Firefox',
    );
    expect(new Date(after.lastUsedAt) > new Date(before)).toBe(true);
    t.clock.advance(10_000);
    expectStatus(await as(laptop, 'GET', '/me'), 200);
    const soon = (await as(phone, 'GET', '/me/sessions')).body.items.find(
      (s: { userAgent: string }) => s.userAgent === 'Laptop Firefox',
    );
    expect(soon.lastUsedAt).toBe(after.lastUsedAt);
  });

  it('R28: ending one session signs that browser out; another member’s session answers 404', async () => {
    const ann = await t.member('ann');
    const bob = await t.member('bob');
    const laptop = await signIn(ann.email, 'Laptop');
    const phone = await signIn(ann.email, 'Phone');
    const bobs = await signIn(bob.email, 'Bob’s laptop');
    const laptopId = (await as(laptop, 'GET', '/me/sessions')).body.items.find(
      (s: { current: boolean }) => s.current,
    ).id;
    const bobsId = (await as(bobs, 'GET', '/me/sessions')).body.items.find(
      (s: { current: boolean }) => s.current,
    ).id;

    expectProblem(await as(phone, 'DELETE', `/me/sessions/${bobsId}`), 404, 'session_not_found');
    expectStatus(await as(bobs, 'GET', '/me'), 200);

    expectStatus(await as(phone, 'DELETE', `/me/sessions/${laptopId}`), 204);
    expectProblem(await as(laptop, 'GET', '/me'), 401, 'unauthenticated');
    expectStatus(await as(phone, 'GET', '/me'), 200);
    expectProblem(await as(phone, 'DELETE', `/me/sessions/${laptopId}`), 404, 'session_not_found');
  });

  it('R28: ending every other session keeps this one, and the member’s tokens', async () => {
    const ann = await t.member('ann');
    const bob = await t.member('bob');
    const one = await signIn(ann.email, 'One');
    const two = await signIn(ann.email, 'Two');
    const here = await signIn(ann.email, 'Here');
    const bobs = await signIn(bob.email, 'Bob');

    expectStatus(await as(here, 'DELETE', '/me/sessions'), 204);
    expectProblem(await as(one, 'GET', '/me'), 401, 'unauthenticated');
    expectProblem(await as(two, 'GET', '/me'), 401, 'unauthenticated');
    expectStatus(await as(here, 'GET', '/me'), 200);
    expectStatus(await as(bobs, 'GET', '/me'), 200);
    expectStatus(await ann.get(`${API}/me`), 200);
    const left = (await as(here, 'GET', '/me/sessions')).body.items;
    expect(left).toEqual([expect.objectContaining({ userAgent: 'Here', current: true })]);
  });
});

describe('R28 personal access tokens', () => {
  it('R28: a read token reads, and gets 403 insufficient_scope on anything that changes state', async () => {
    const ann = await t.member('ann');
    const bob = await t.member('bob');
    const browser = await signIn(ann.email, 'Laptop');
    const made = await as(browser, 'POST', '/me/tokens', { name: 'dashboard', scope: 'read' });
    expectStatus(made, 201);
    expect(made.body).toMatchObject({ name: 'dashboard', scope: 'read', expiresAt: null });
    const read = { authorization: `Bearer ${String(made.body.token)}` };
    const call = (method: string, url: string, payload?: unknown) =>
      inject(t.app, method, `${API}${url}`, payload, read);

    expectStatus(await call('GET', '/me'), 200);
    expectStatus(await call('GET', '/invitations/sent'), 200);
    const writes: [string, string, unknown?][] = [
      ['POST', '/invitations', { kind: 'connection', to: bob.handle }],
      ['PATCH', '/settings', { emailReminders: false }],
      ['PUT', `/follows/${bob.handle}`],
      ['DELETE', '/me/sessions'],
      ['DELETE', '/me', { password: PASSWORD }],
    ];
    for (const [method, url, payload] of writes) {
      expectProblem(await call(method, url, payload), 403, 'insufficient_scope');
    }
    // Nothing happened.
    expect((await bob.get(`${API}/invitations/received/count`)).body.total).toBe(0);
    expectStatus(await ann.get(`${API}/me`), 200);
  });

  it('R28: a read token may preview a clean-up (dryRun), which changes nothing, and not make one', async () => {
    const [ann, bob] = await Promise.all([t.member('ann'), t.member('bob')]);
    const sent = await ann.post(`${API}/invitations`, { kind: 'connection', to: bob.handle });
    expectStatus(sent, 201);
    const browser = await signIn(ann.email, 'Laptop');
    const made = await as(browser, 'POST', '/me/tokens', { name: 'preview', scope: 'read' });
    const read = { authorization: `Bearer ${String(made.body.token)}` };
    const cleanUp = (body: unknown) =>
      inject(t.app, 'POST', `${API}/invitations/withdraw`, body, read);

    const preview = await cleanUp({ ids: [sent.body.id], dryRun: true });
    expectStatus(preview, 200);
    expect(preview.body).toMatchObject({
      dryRun: true,
      count: 1,
      items: [{ id: sent.body.id, outcome: 'would_withdraw' }],
    });
    for (const body of [{ ids: [sent.body.id] }, { ids: [sent.body.id], dryRun: false }]) {
      expectProblem(await cleanUp(body), 403, 'insufficient_scope');
    }
    expectProblem(await cleanUp({ ids: [sent.body.id], dryRun: 'yes' }), 403, 'insufficient_scope');
    const status = await ann.get(`${API}/invitations/${String(sent.body.id)}`);
    expect(status.body.status).toBe('pending');
  });

  it('R28: a request made with a token cannot create tokens, a read one included; only a signed-in session can', async () => {
    const ann = await t.member('ann');
    expectProblem(await ann.post(`${API}/me/tokens`, { name: 'another' }), 403, 'forbidden');
    const browser = await signIn(ann.email, 'Laptop');
    const made = await as(browser, 'POST', '/me/tokens', { name: 'script' });
    expectStatus(made, 201);
    expect(made.body.scope).toBe('write');
    const reader = await as(browser, 'POST', '/me/tokens', { name: 'reader', scope: 'read' });
    const byReader = await inject(
      t.app,
      'POST',
      `${API}/me/tokens`,
      { name: 'third' },
      {
        authorization: `Bearer ${String(reader.body.token)}`,
      },
    );
    expectProblem(byReader, 403, 'forbidden');
    const names = (await ann.get(`${API}/me/tokens`)).body.items.map(
      (i: { name: string }) => i.name,
    );
    expect(names.sort()).toEqual(['reader', 'script', 'tests']);
  });

  it('R28: a token past its expiry answers 401 like an unknown one; the list shows scope and expiry', async () => {
    const ann = await t.member('ann');
    const browser = await signIn(ann.email, 'Laptop');
    const made = await as(browser, 'POST', '/me/tokens', {
      name: 'week',
      scope: 'write',
      expiresInDays: 7,
    });
    expectStatus(made, 201);
    const bearer = { authorization: `Bearer ${String(made.body.token)}` };
    const listed = (await as(browser, 'GET', '/me/tokens')).body.items.find(
      (i: { name: string }) => i.name === 'week',
    );
    expect(listed).toMatchObject({ scope: 'write' });
    expect(listed.expiresAt).toBe(new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString());

    t.advanceDays(6);
    expectStatus(await inject(t.app, 'GET', `${API}/me`, undefined, bearer), 200);
    t.advanceDays(1);
    const expired = await inject(t.app, 'GET', `${API}/me`, undefined, bearer);
    const unknown = await inject(t.app, 'GET', `${API}/me`, undefined, {
      authorization: 'Bearer rpt_not-a-token',
    });
    expectProblem(expired, 401, 'unauthenticated');
    expect(expired.body).toEqual(unknown.body);
  });

  it('R28: a token’s scope and expiry are checked as input', async () => {
    const ann = await t.member('ann');
    const browser = await signIn(ann.email, 'Laptop');
    for (const body of [
      { name: 'x', scope: 'admin' },
      { name: 'x', expiresInDays: 0 },
      { name: 'x', expiresInDays: 1.5 },
    ]) {
      expectProblem(await as(browser, 'POST', '/me/tokens', body), 400, 'validation_failed');
    }
  });
});
