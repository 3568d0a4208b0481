/**
 * The authorization matrix: every route of the OpenAPI description, called anonymously (401),
 * and every route that can name another member's invitation, connection, block, token, page or
 * event, called by a member who has no right to it (403/404) — with the owners' state, read
 * through the API, unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, inject, type Member, type Reply, startApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/expect.js';
import { connect } from '../helpers/network.js';

interface Route {
  method: string;
  path: string;
}

interface Fixture {
  owner: Member;
  party: Member;
  peer: Member;
  blocked: Member;
  intruder: Member;
  invitationId: string;
  tokenId: string;
  sessionId: string;
  notificationId: string;
  pageId: string | null;
  eventId: string | null;
  webhookId: string;
}

interface Attempt {
  as: Member;
  params: Record<string, string>;
  body?: unknown;
  /** Statuses that refuse; a few bulk or read routes answer 200/204 and must simply change nothing. */
  status: number[];
  check?: (reply: Reply) => void;
}

/** Routes anyone may call: signing up and in, unsubscribe links, the instance, the test clock. */
const PUBLIC = [
  'GET /instance',
  'POST /members',
  'POST /session',
  'POST /account/verify-email',
  'POST /account/password-reset',
  'POST /account/password-reset/confirm',
  'GET /unsubscribe',
  'POST /unsubscribe',
  'POST /test/clock',
  'POST /test/jobs/run',
];

/** How a member could try to reach another member's things through each route. */
const handles = (members: { handle: string }[]) => members.map((m) => m.handle);

function foreignAttempts(f: Fixture): Record<string, Attempt[]> {
  const inv = { id: f.invitationId };
  const refuse = [403, 404];
  // R32: a member without the admin role gets 403 forbidden on every /admin route.
  const notAdmin = (params: Record<string, string>, body?: unknown): Attempt[] => [
    {
      as: f.intruder,
      params,
      body,
      status: [403],
      check: (reply) => expect(reply.body.code).toBe('forbidden'),
    },
  ];
  const target = { handle: f.party.handle };
  return {
    'GET /admin/members': notAdmin({}),
    'GET /admin/members/count': notAdmin({}),
    'POST /admin/members/{handle}/suspend': notAdmin(target, { reason: 'spam' }),
    'POST /admin/members/{handle}/unsuspend': notAdmin(target),
    'POST /admin/members/{handle}/lift-restriction': notAdmin(target),
    'POST /admin/invite-codes': notAdmin({}, { uses: 1 }),
    'GET /admin/audit': notAdmin({}),
    'GET /invitations/{id}': [{ as: f.intruder, params: inv, status: [404] }],
    'POST /invitations/{id}/accept': [
      { as: f.intruder, params: inv, status: [404] },
      { as: f.owner, params: inv, status: [403] },
    ],
    'POST /invitations/{id}/ignore': [
      { as: f.intruder, params: inv, status: [404] },
      { as: f.owner, params: inv, status: [403] },
    ],
    'POST /invitations/{id}/withdraw': [
      { as: f.intruder, params: inv, status: [404] },
      { as: f.party, params: inv, status: [403] },
    ],
    'PUT /invitations/{id}/keep': [
      { as: f.intruder, params: inv, status: [404] },
      { as: f.party, params: inv, status: [404] },
    ],
    'DELETE /invitations/{id}/keep': [
      { as: f.intruder, params: inv, status: [404] },
      { as: f.party, params: inv, status: [404] },
    ],
    'POST /invitations/withdraw': [
      {
        as: f.intruder,
        params: {},
        body: { ids: [f.invitationId], olderThanDays: 0 },
        status: [200],
        check: (reply) => {
          expect(reply.body.count).toBe(0);
          expect(reply.body.items).toEqual([{ id: f.invitationId, outcome: 'not_open' }]);
        },
      },
    ],
    // R39: an id the caller may not answer reads as not open, exactly like one that is gone.
    'POST /invitations/respond': [f.intruder, f.owner].map((as) => ({
      as,
      params: {},
      body: { ids: [f.invitationId], action: 'accept' },
      status: [200],
      check: (reply: Reply) => {
        expect(reply.body.items).toEqual([{ id: f.invitationId, outcome: 'not_open' }]);
      },
    })),
    'DELETE /me/tokens/{id}': [{ as: f.intruder, params: { id: f.tokenId }, status: [404] }],
    'DELETE /me/sessions/{id}': [{ as: f.intruder, params: { id: f.sessionId }, status: [404] }],
    'DELETE /me/webhooks/{id}': [{ as: f.intruder, params: { id: f.webhookId }, status: [404] }],
    'GET /me/webhooks/{id}/deliveries': [
      { as: f.intruder, params: { id: f.webhookId }, status: [404] },
    ],
    'DELETE /connections/{handle}': [
      { as: f.intruder, params: { handle: f.peer.handle }, status: [404] },
    ],
    'DELETE /blocks/{handle}': [
      { as: f.intruder, params: { handle: f.blocked.handle }, status: [404] },
    ],
    'PUT /blocks/{handle}': [{ as: f.blocked, params: { handle: f.owner.handle }, status: [404] }],
    'POST /notifications/read': [
      { as: f.intruder, params: {}, body: { ids: [f.notificationId] }, status: [204] },
    ],
    'GET /pages/{id}': [
      {
        as: f.intruder,
        params: { id: f.pageId ?? '' },
        status: [200],
        check: (r) => expect(r.body.credits).toBeNull(),
      },
    ],
    'PUT /pages/{id}/admins/{handle}': [
      { as: f.intruder, params: { id: f.pageId ?? '', handle: f.intruder.handle }, status: refuse },
    ],
    'GET /pages/{id}/invitees': [
      { as: f.intruder, params: { id: f.pageId ?? '' }, status: refuse },
    ],
    'POST /pages/{id}/invitations': [
      {
        as: f.intruder,
        params: { id: f.pageId ?? '' },
        body: { to: [f.peer.handle] },
        status: refuse,
      },
    ],
    'GET /events/{id}': [
      {
        as: f.intruder,
        params: { id: f.eventId ?? '' },
        status: [200],
        check: (r) => expect(r.body.invitations).toBeNull(),
      },
    ],
    'GET /events/{id}/attendees': [
      {
        as: f.intruder,
        params: { id: f.eventId ?? '' },
        status: [200],
        check: (r) => expect(handles(r.body.items)).toEqual([f.owner.handle]),
      },
      {
        as: f.blocked,
        params: { id: f.eventId ?? '' },
        status: [200],
        check: (r) => expect(handles(r.body.items)).toEqual([]),
      },
    ],
    'GET /events/{id}/invitees': [
      { as: f.intruder, params: { id: f.eventId ?? '' }, status: refuse },
    ],
    'POST /events/{id}/invitations': [
      {
        as: f.intruder,
        params: { id: f.eventId ?? '' },
        body: { to: [f.peer.handle] },
        status: refuse,
      },
    ],
  };
}

/**
 * Routes that act only on the caller or on the caller's own relation to a member or page
 * (following is open to anyone): there is nothing of another member's to name.
 */
const OWN = [
  'DELETE /session',
  'POST /me/tokens',
  'GET /me/tokens',
  'GET /me/sessions',
  'DELETE /me/sessions',
  'GET /me/export',
  'DELETE /me',
  'POST /me/webhooks',
  'GET /me/webhooks',
  'GET /me',
  'PATCH /me',
  'PUT /me/password',
  'POST /me/email-verification',
  'GET /me/quotas',
  'GET /members',
  'GET /members/{handle}',
  'GET /suggestions',
  'POST /invitations',
  'GET /invitations/received',
  'GET /invitations/received/count',
  'GET /invitations/sent',
  'GET /invitations/sent/count',
  'GET /invitations/withdrawn.csv',
  'GET /connections',
  'GET /following',
  'GET /followers',
  'PUT /follows/{handle}',
  'DELETE /follows/{handle}',
  'GET /notifications',
  'GET /settings',
  'PATCH /settings',
  'GET /blocks',
  'POST /contacts/import',
  'GET /contacts',
  'DELETE /contacts',
  'POST /pages',
  'GET /pages',
  'PUT /pages/{id}/follow',
  'DELETE /pages/{id}/follow',
  'POST /events',
  'GET /events',
  'GET /insights',
];

let t: TestApp;
let routes: Route[];
let f: Fixture;

function key(route: Route): string {
  return `${route.method} ${route.path.slice(API.length)}`;
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? 'unknown'),
  );
}

/** Everything the owner, the other party, the peer and the blocked member can read about themselves. */
async function state(): Promise<unknown> {
  const reads = [
    '/me',
    '/me/tokens',
    '/me/webhooks',
    '/me/quotas',
    '/settings',
    '/invitations/sent',
    '/invitations/sent/count',
    '/invitations/received',
    '/invitations/received/count',
    '/invitations/withdrawn.csv',
    '/connections',
    '/following',
    '/followers',
    '/blocks',
    '/contacts',
    '/notifications',
    `/invitations/${f.invitationId}`,
    ...(f.pageId ? [`/pages/${f.pageId}`] : []),
    ...(f.eventId ? [`/events/${f.eventId}`] : []),
  ];
  const snapshot: Record<string, unknown> = {};
  for (const member of [f.owner, f.party, f.peer, f.blocked]) {
    for (const url of reads) {
      const reply = await member.get(`${API}${url}`);
      snapshot[`${member.handle} ${url}`] = [reply.status, reply.body];
    }
  }
  return snapshot;
}

beforeAll(async () => {
  t = await startApp();
  const doc = (await inject(t.app, 'GET', `${API}/openapi.json`)).body;
  routes = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
  const [owner, party, peer, blocked, intruder] = await Promise.all(
    ['owner', 'party', 'peer', 'blocked', 'intruder'].map((n) => t.member(n)),
  );
  await connect(owner!, peer!);
  const sent = await owner!.invite(party!, { note: 'hello' });
  expectStatus(sent, 201);
  expectStatus(await owner!.put(`${API}/blocks/${blocked!.handle}`), 204);
  const notification = (await party!.get(`${API}/notifications`)).body.items[0];
  const has = (path: string) => routes.some((r) => r.path === `${API}${path}`);
  const pageId = has('/pages')
    ? (await owner!.post(`${API}/pages`, { name: 'Owner Co' })).body.id
    : null;
  const startsAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
  const eventId = has('/events')
    ? (await owner!.post(`${API}/events`, { name: 'Owner meetup', startsAt })).body.id
    : null;
  f = {
    owner: owner!,
    party: party!,
    peer: peer!,
    blocked: blocked!,
    intruder: intruder!,
    invitationId: sent.body.id,
    tokenId: (await owner!.get(`${API}/me/tokens`)).body.items[0].id,
    sessionId: (await owner!.get(`${API}/me/sessions`)).body.items[0].id,
    notificationId: notification.id,
    pageId,
    eventId,
    // An address literal, so no name needs resolving; no event of this kind is raised here.
    webhookId: (
      await owner!.post(`${API}/me/webhooks`, {
        url: 'https://93.184.215.14/hook',
        events: ['connection.removed'],
      })
    ).body.id,
  };
});
afterAll(async () => {
  await t.close();
});

describe('authorization matrix', () => {
  it('the matrix covers every route the OpenAPI description lists', () => {
    expect(routes.length).toBeGreaterThan(40);
    const known = new Set([...PUBLIC, ...OWN, ...Object.keys(foreignAttempts(f))]);
    expect(routes.map(key).filter((k) => !known.has(k))).toEqual([]);
  });

  it('an anonymous caller, or one with a revoked or made-up token, gets 401 on every authenticated route', async () => {
    const revoked = await t.member('revoked');
    const id = (await revoked.get(`${API}/me/tokens`)).body.items[0].id;
    expectStatus(await revoked.delete(`${API}/me/tokens/${id}`), 204);
    const checked: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC.includes(key(r)))) {
      const url = fill(route.path, { id: f.invitationId, handle: f.owner.handle });
      for (const headers of [
        {} as Record<string, string>,
        { authorization: `Bearer ${revoked.token}` },
        { authorization: 'Bearer rpt_madeup' },
      ]) {
        const reply = await inject(
          t.app,
          route.method,
          url,
          ['GET', 'DELETE'].includes(route.method) ? undefined : {},
          headers,
        );
        expect({ route: key(route), status: reply.status, code: reply.body?.code }).toEqual({
          route: key(route),
          status: 401,
          code: 'unauthenticated',
        });
      }
      checked.push(key(route));
    }
    expect(checked.length).toBe(
      routes.length - routes.filter((r) => PUBLIC.includes(key(r))).length,
    );
  });

  it('a state-changing request signed in by cookie without the CSRF token gets 403 csrf_failed', async () => {
    const signIn = await inject(t.app, 'POST', `${API}/session`, {
      email: f.intruder.email,
      password: 'correct horse battery',
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const mutating = routes.filter((r) => r.method !== 'GET' && !PUBLIC.includes(key(r)));
    expect(mutating.length).toBeGreaterThan(20);
    for (const route of mutating) {
      const url = fill(route.path, { id: f.invitationId, handle: f.owner.handle });
      const reply = await inject(
        t.app,
        route.method,
        url,
        route.method === 'DELETE' ? undefined : {},
        { cookie },
      );
      expect({ route: key(route), status: reply.status, code: reply.body?.code }).toEqual({
        route: key(route),
        status: 403,
        code: 'csrf_failed',
      });
    }
  });

  it("a member acting on another member's invitation, connection, block, token, page or event is refused and changes nothing", async () => {
    const before = await state();
    const attempts = foreignAttempts(f);
    let tried = 0;
    for (const route of routes) {
      for (const attempt of attempts[key(route)] ?? []) {
        if (
          (route.path.includes('/pages/') && !f.pageId) ||
          (route.path.includes('/events/') && !f.eventId)
        )
          continue;
        const reply = await attempt.as.request(
          route.method,
          fill(route.path, attempt.params),
          attempt.body,
        );
        expect({
          route: key(route),
          as: attempt.as.handle,
          status: attempt.status.includes(reply.status),
        }).toEqual({
          route: key(route),
          as: attempt.as.handle,
          status: true,
        });
        attempt.check?.(reply);
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(20);
    expect(await state()).toEqual(before);
    // The owner's token still works after the intruder tried to revoke it.
    expectStatus(await f.owner.get(`${API}/me`), 200);
  });
});
