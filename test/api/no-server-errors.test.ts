/**
 * No input makes the server fail: every route of the OpenAPI description, with malformed JSON,
 * wrong types, arrays for objects, huge and odd strings, unknown ids, garbage cursors and
 * limits, answers below 500 with problem details carrying a `code`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpMethod, type Member, startApp, type TestApp } from '../helpers/app.js';

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  items?: Schema;
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

let t: TestApp;
let ann: Member;
let ben: Member;
let invitationId: string;
let routes: Route[];
let schemas: Record<string, Schema>;

beforeAll(async () => {
  t = await startApp();
  [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
  invitationId = (await ann.invite(ben)).body.id;
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  schemas = doc.components?.schemas ?? {};
  routes = [];
  const paths: Record<string, Record<string, Operation>> = doc.paths;
  for (const [path, operations] of Object.entries(paths)) {
    // The test-clock routes move time for the whole app; they exist only in test mode.
    if (path.startsWith('/api/v1/test/')) continue;
    for (const [method, op] of Object.entries(operations)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
        routes.push({ method: method.toUpperCase(), path, op });
      }
    }
  }
});
afterAll(async () => {
  await t.close();
});

type Failure = { request: string; status: number; body: string };

interface RawRequest {
  method: string;
  url: string;
  payload?: string;
  headers?: Record<string, string>;
  auth?: boolean;
}

/** Sends one request and records it if it answered 5xx or an error without problem details. */
async function probe(failures: Failure[], request: RawRequest): Promise<number> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (request.auth !== false) headers.authorization = `Bearer ${ann.token}`;
  if (request.payload !== undefined && !headers['content-type'])
    headers['content-type'] = 'application/json';
  const response = await t.app.inject({
    method: httpMethod(request.method),
    url: request.url,
    headers,
    payload: request.payload,
  });
  const status = response.statusCode;
  const label = `${request.method} ${request.url.slice(0, 120)} ${String(request.payload ?? '').slice(0, 80)}`;
  let ok = status < 500;
  if (ok && status >= 400) {
    const type = String(response.headers['content-type']);
    let code: unknown;
    try {
      code = JSON.parse(response.body).code;
    } catch {
      code = undefined;
    }
    ok = type.startsWith('application/problem+json') && typeof code === 'string' && code.length > 0;
  }
  if (!ok) failures.push({ request: label, status, body: response.body.slice(0, 200) });
  return status;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const GARBAGE_IDS = [
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(5000),
  encodeURIComponent('ñandú-😀'),
  encodeURIComponent('İSTANBUL'),
  '%00',
  'a%00b',
  '%2e%2e',
  '%2F',
  '%20',
  '%25',
  encodeURIComponent("'; drop table members; --"),
  'null',
  '-1',
  '%FF%FE',
];

const QUERIES = [
  'limit=0',
  'limit=1000',
  'limit=-5',
  'limit=1.5',
  'limit=abc',
  'limit=1&limit=2',
  'limit=99999999999999999999999',
  'cursor=garbage',
  'cursor=%00',
  `cursor=${b64(['\u0000', '\u0000'])}`,
  `cursor=${b64(['2026-01-01T00:00:00.000Z', 'x'.repeat(300)])}`,
  `cursor=${b64([1, 2])}`,
  `cursor=${b64({ key: 'a', id: 'b' })}`,
  `cursor=${b64(['a', 'b', 'c'])}`,
  `cursor=${'x'.repeat(400)}`,
  'cursor=a&cursor=b',
  'kind=bogus',
  'kind=connection&kind=page',
  'olderThanDays=-1',
  'olderThanDays=99999999999',
  'olderThanDays=1e3',
  'q=%00',
  `q=${encodeURIComponent('😀'.repeat(50))}`,
  `q=${encodeURIComponent('%_\\')}`,
  `q=${'q'.repeat(5000)}`,
  'q=a&q=b',
  'unknown=1',
  '%=%',
];

function resolve(schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref) return schemas[schema.$ref.split('/').pop() ?? ''];
  return schema;
}

/** Property names a body schema declares, for type and content attacks on each of them. */
function bodyProperties(op: Operation): Record<string, Schema> {
  const schema = resolve(op.requestBody?.content['application/json']?.schema);
  const props: Record<string, Schema> = {};
  for (const part of [schema, ...(schema?.anyOf ?? [])])
    Object.assign(props, resolve(part)?.properties ?? {});
  return props;
}

function wrongTypeFor(schema: Schema): unknown[] {
  const types = ([] as string[]).concat(resolve(schema)?.type ?? []);
  const values: unknown[] = [{ nested: true }, ['array'], null, true];
  if (!types.includes('string')) values.push('a string');
  if (!types.includes('number') && !types.includes('integer')) values.push(42, -1e308, 1.5);
  return values;
}

function urlsFor(route: Route): string[] {
  const params = (route.op.parameters ?? []).filter((p) => p.in === 'path');
  if (params.length === 0) return [route.path];
  const real = (name: string) => (name === 'handle' ? ben.handle : invitationId);
  const fill = (value: (name: string) => string) =>
    route.path.replace(/\{(\w+)\}/g, (_m, name: string) => value(name));
  return [fill(real), ...GARBAGE_IDS.map((g) => fill(() => g))];
}

function bodiesFor(route: Route): string[] {
  const bodies = [
    '{"a":',
    '{',
    "{'single': 'quotes'}",
    '[]',
    '[{}]',
    '"a string"',
    '123',
    'true',
    'null',
    '{}',
    '{"__proto__": {"admin": true}}',
    '{"constructor": {"prototype": {"admin": true}}}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    JSON.stringify({ x: 'y'.repeat(100_000) }),
  ];
  for (const [name, schema] of Object.entries(bodyProperties(route.op))) {
    for (const value of wrongTypeFor(schema)) bodies.push(JSON.stringify({ [name]: value }));
    for (const text of ['y'.repeat(200_000), 'a\u0000b', '\u0000', 'ñ😀\u202e\ud800', '   ', '']) {
      bodies.push(JSON.stringify({ [name]: text }));
      bodies.push(JSON.stringify({ [name]: [text] }));
    }
  }
  return bodies;
}

function expectNoFailures(failures: Failure[], probes: number, atLeast: number) {
  expect(probes).toBeGreaterThanOrEqual(atLeast);
  expect(failures).toEqual([]);
}

describe('no input gives a 5xx', () => {
  it('the OpenAPI description lists the routes this test walks', () => {
    expect(routes.length).toBeGreaterThan(25);
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    for (const route of [
      'POST /api/v1/invitations',
      'GET /api/v1/invitations/sent',
      'POST /api/v1/invitations/{id}/accept',
      'GET /api/v1/members/{handle}',
      'DELETE /api/v1/connections/{handle}',
      'POST /api/v1/members',
      'POST /api/v1/session',
    ]) {
      expect(listed).toContain(route);
    }
  });

  it('unknown and odd ids and handles in every path', async () => {
    const failures: Failure[] = [];
    let probes = 0;
    for (const route of routes) {
      for (const url of urlsFor(route)) {
        const payload = ['GET', 'DELETE'].includes(route.method) ? undefined : '{}';
        await probe(failures, { method: route.method, url, payload });
        probes++;
      }
    }
    expectNoFailures(failures, probes, routes.length);
  });

  it('garbage cursors, limits, kinds, ages and searches on every route', async () => {
    const failures: Failure[] = [];
    let probes = 0;
    for (const route of routes) {
      const url = urlsFor(route)[0]!;
      for (const query of QUERIES) {
        await probe(failures, { method: route.method, url: `${url}?${query}` });
        probes++;
      }
    }
    expectNoFailures(failures, probes, routes.length * QUERIES.length);
  });

  it('malformed JSON, wrong types, arrays for objects, huge and odd strings in every body', async () => {
    const failures: Failure[] = [];
    let probes = 0;
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const url = urlsFor(route)[0]!;
      for (const payload of bodiesFor(route)) {
        await probe(failures, { method: route.method, url, payload });
        probes++;
      }
      // The wrong content type, and a body where none is expected.
      await probe(failures, {
        method: route.method,
        url,
        payload: 'a,b\n1,2',
        headers: { 'content-type': 'text/plain' },
      });
      await probe(failures, {
        method: route.method,
        url,
        payload: '<x/>',
        headers: { 'content-type': 'application/xml' },
      });
      probes += 2;
    }
    expectNoFailures(failures, probes, 100);
  });

  it('a body over 1 MiB answers 413 problem details on every route that takes one', async () => {
    const failures: Failure[] = [];
    const big = JSON.stringify({ note: 'x'.repeat(1024 * 1024 + 10) });
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const status = await probe(failures, {
        method: route.method,
        url: urlsFor(route)[0]!,
        payload: big,
      });
      if (status !== 413)
        failures.push({ request: `${route.method} ${route.path}`, status, body: 'expected 413' });
    }
    expect(failures).toEqual([]);
  });

  it('every route without credentials answers 401, or below 500 where it is public', async () => {
    const failures: Failure[] = [];
    const publicRoutes = [
      'POST /api/v1/members',
      'POST /api/v1/session',
      'GET /api/v1/instance',
      'POST /api/v1/account/verify-email',
      'POST /api/v1/account/password-reset',
      'POST /api/v1/account/password-reset/confirm',
    ];
    for (const route of routes) {
      const payload = ['GET', 'DELETE'].includes(route.method) ? undefined : '{}';
      const url = urlsFor(route)[0]!;
      const status = await probe(failures, { method: route.method, url, payload, auth: false });
      const key = `${route.method} ${route.path}`;
      const isPublic = publicRoutes.includes(key) || /unsubscribe|mailbox|dev\//.test(route.path);
      if (!isPublic && status !== 401)
        failures.push({ request: key, status, body: 'expected 401' });
    }
    expect(failures).toEqual([]);
  });

  it('unknown routes answer 404 problem details, a method a route does not take 405', async () => {
    const failures: Failure[] = [];
    for (const [method, url, expected] of [
      ['GET', '/api/v1/nope', 404],
      ['GET', '/api/v1/', 404],
      ['GET', '/api/v2/invitations', 404],
      ['POST', '/api/v1/invitations/x/y/z', 404],
      ['PATCH', '/api/v1/invitations', 405],
      ['DELETE', '/api/v1/me', 400],
      ['PUT', '/api/v1/members', 405],
      ['GET', `/api/v1/${'x'.repeat(5000)}`, 404],
      ['GET', '/api/v1/%00', 404],
      ['GET', '/api/v1/invitations/%', 400],
    ] as const) {
      const status = await probe(failures, { method, url });
      if (status !== expected)
        failures.push({ request: `${method} ${url}`, status, body: `expected ${expected}` });
    }
    expect(failures).toEqual([]);
  });

  it('the app still works after all that', async () => {
    const cat = await t.member('cat');
    expect((await ben.invite(cat)).status).toBe(201);
    expect((await ann.get('/api/v1/me')).status).toBe(200);
  });
});

describe('NUL characters', () => {
  it('are refused with 400 invalid_text on both databases, as every control character is (§7 Text), and nothing is stored', async () => {
    const dan = await t.member('dan');
    const note = await ann.invite(dan, { note: 'hello\u0000there' });
    expect({ status: note.status, code: note.body.code }).toEqual({
      status: 400,
      code: 'invalid_text',
    });
    expect((await dan.get('/api/v1/invitations/received/count')).body.total).toBe(0);
    const name = await ann.patch('/api/v1/me', { name: 'Ann\u0000' });
    expect({ status: name.status, code: name.body.code }).toEqual({
      status: 400,
      code: 'invalid_text',
    });
    for (const url of [
      '/api/v1/members/ann%00',
      '/api/v1/members?q=a%00',
      '/api/v1/invitations/x%00y',
    ]) {
      const reply = await ann.get(url);
      expect({ url, status: reply.status, code: reply.body.code }).toEqual({
        url,
        status: 400,
        code: 'invalid_text',
      });
    }
  });
});
