import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, inject, type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';

interface Schema {
  $ref?: string;
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  maxLength?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
}

interface Operation {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

let t: TestApp;
let ann: Member;
beforeAll(async () => {
  t = await startApp();
  ann = await t.member('ann');
});
afterAll(async () => {
  await t.close();
});

/** Every string without a length bound and every list without a size bound among a schema's inputs. */
function unbounded(
  doc: OpenApi,
  schema: Schema | undefined,
  where: string,
  found: string[],
): string[] {
  if (!schema || typeof schema !== 'object') return found;
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop() ?? '';
    return unbounded(doc, doc.components.schemas[name], `${where}→${name}`, found);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    (schema[key] ?? []).forEach((part: Schema, i: number) =>
      unbounded(doc, part, `${where}/${key}${i}`, found),
    );
  }
  const types = ([] as string[]).concat(schema.type ?? []);
  const closed =
    schema.enum !== undefined ||
    schema.const !== undefined ||
    ['date-time', 'date'].includes(schema.format ?? '');
  if (types.includes('string') && schema.maxLength === undefined && !closed)
    found.push(`${where}: string`);
  if (types.includes('array')) {
    if (schema.maxItems === undefined) found.push(`${where}: array`);
    unbounded(doc, schema.items, `${where}[]`, found);
  }
  for (const [key, value] of Object.entries(schema.properties ?? {}))
    unbounded(doc, value, `${where}.${key}`, found);
  if (typeof schema.additionalProperties === 'object')
    unbounded(doc, schema.additionalProperties, `${where}.*`, found);
  return found;
}

async function raw(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  contentType: string,
  payload: string,
) {
  const response = await t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${ann.token}`, 'content-type': contentType },
    payload,
  });
  const body = response.body === '' ? null : response.json();
  return { status: response.statusCode, body, headers: response.headers };
}

describe('hardening', () => {
  it('every string and list a request can carry has a maximum length (OpenAPI inputs)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })).json<OpenApi>();
    const found: string[] = [];
    let inputs = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const parameter of op.parameters ?? []) {
          inputs++;
          unbounded(
            doc,
            parameter.schema,
            `${method.toUpperCase()} ${path} ${parameter.in}:${parameter.name}`,
            found,
          );
        }
        for (const [type, content] of Object.entries(op.requestBody?.content ?? {})) {
          inputs++;
          unbounded(doc, content.schema, `${method.toUpperCase()} ${path} body(${type})`, found);
        }
      }
    }
    expect(inputs).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });

  it('a body over 1 MiB answers 413 problem details, for JSON and CSV alike, and stores nothing', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const json = await raw(
      'POST',
      `${API}/contacts/import`,
      'application/json',
      JSON.stringify({ emails: [big] }),
    );
    expectProblem(json, 413, 'payload_too_large');
    const csv = await raw(
      'POST',
      `${API}/contacts/import`,
      'text/csv',
      `Email\n${'a@x.io\n'.repeat(200_000)}`,
    );
    expectProblem(csv, 413, 'payload_too_large');
    expect((await ann.get(`${API}/contacts`)).body.items).toEqual([]);
    // Just under the limit is read; an address book of more than 50,000 entries is refused whole.
    const addresses = Array.from(
      { length: 24_000 },
      (_, i) => `someone.with.a.long.name-${i}@example.org`,
    );
    const text = `Email\n${addresses.join('\n')}`;
    expect(text.length).toBeGreaterThan(1000 * 1000);
    const fits = await raw('POST', `${API}/contacts/import`, 'text/csv', text);
    expect(fits.body).toEqual({ imported: 24_000, skipped: 0, total: 24_000 });
    expectProblem(
      await raw('POST', `${API}/contacts/import`, 'text/csv', 'a@x.io\n'.repeat(50_001)),
      400,
      'validation_failed',
    );
  });

  it('over-long inputs are refused with 400 validation_failed before anything happens', async () => {
    const ben = await t.member('ben');
    const long = 'n'.repeat(5001);
    expectProblem(await ann.invite(ben, { note: long }), 400, 'validation_failed');
    expectProblem(
      await ann.invite(ben, { email: `${'e'.repeat(250)}@x.io` }),
      400,
      'validation_failed',
    );
    expectProblem(await ann.invite('h'.repeat(61)), 400, 'validation_failed');
    expectProblem(await ann.patch(`${API}/me`, { headline: long }), 400, 'validation_failed');
    expectProblem(await ann.get(`${API}/members?q=${'q'.repeat(101)}`), 400, 'validation_failed');
    expectProblem(
      await ann.get(`${API}/blocks?cursor=${'c'.repeat(501)}`),
      400,
      'validation_failed',
    );
    expect((await ben.get(`${API}/invitations/received/count`)).body.total).toBe(0);
  });

  it('a number in a query that is not finite is refused with 400 validation_failed on every list', async () => {
    const lists = [
      'connections?limit=',
      'followers?limit=',
      'notifications?limit=',
      'suggestions?limit=',
      'members?q=ann&limit=',
      'invitations/received?minMutual=',
      'invitations/sent?olderThanDays=',
    ];
    for (const list of lists) {
      for (const number of ['1e400', 'Infinity', '-Infinity', 'NaN']) {
        const reply = await ann.get(`${API}/${list}${number}`);
        expectProblem(reply, 400, 'validation_failed');
        expect(reply.body.errors[0].path).toMatch(
          /^\/querystring\/(limit|minMutual|olderThanDays)$/,
        );
      }
    }
    const body = await raw(
      'POST',
      `${API}/invitations/withdraw`,
      'application/json',
      '{"olderThanDays": 1e400}',
    );
    expectProblem(body, 400, 'validation_failed');
  });

  it('R18: an operation that takes no body refuses one that says something with 400 validation_failed, and does nothing', async () => {
    const [ben, cat] = await Promise.all([t.member('ben'), t.member('cat')]);
    const sent = (await ann.invite(ben)).body.id;
    const bodiless = [
      ['POST', `${API}/invitations/${sent}/withdraw`],
      ['POST', `${API}/invitations/${sent}/accept`],
      ['PUT', `${API}/follows/${cat.handle}`],
      ['PUT', `${API}/blocks/${cat.handle}`],
    ] as const;
    for (const [method, url] of bodiless) {
      for (const payload of ['{"x":1}', '{"reason":"spam"}', '[]', '"yes"', '1', 'true']) {
        const refused = await raw(method, url, 'application/json', payload);
        expectProblem(refused, 400, 'validation_failed');
        expect(refused.body.errors).toEqual([{ path: '/body', message: expect.any(String) }]);
      }
      expectProblem(await raw(method, url, 'text/csv', 'email\na@x.io'), 400, 'validation_failed');
    }
    expect((await ben.get(`${API}/invitations/received/count`)).body.total).toBe(1);
    expect((await ann.get(`${API}/following`)).body.items).toEqual([]);
    expect((await ann.get(`${API}/blocks`)).body.items).toEqual([]);

    // No body, an empty one, `null` and `{}` say nothing, and are welcome.
    expect((await ann.request('PUT', `${API}/follows/${cat.handle}`)).status).toBe(204);
    expect((await raw('PUT', `${API}/blocks/${cat.handle}`, 'application/json', '')).status).toBe(
      204,
    );
    expect(
      (await raw('DELETE', `${API}/blocks/${cat.handle}`, 'application/json', 'null')).status,
    ).toBe(204);
    expect((await ann.post(`${API}/invitations/${sent}/withdraw`, {})).status).toBe(200);
    // A body sent to no operation at all is still a 404.
    expectProblem(
      await raw('POST', `${API}/nowhere`, 'application/json', '{"x":1}'),
      404,
      'not_found',
    );
  });

  it('R18: an operation whose body fields are all optional reads no body as {}', async () => {
    const cleanup = `${API}/invitations/withdraw`;
    const given = await ann.post(cleanup, {});
    expectStatus(given, 200);
    for (const none of [
      () => ann.post(cleanup),
      () =>
        inject(t.app, 'POST', cleanup, undefined, {
          authorization: `Bearer ${ann.token}`,
          'content-type': 'application/json',
        }),
    ]) {
      const answer = await none();
      expectStatus(answer, 200);
      expect(answer.body.count).toBe(given.body.count);
    }
  });

  it('R18 R25: a JSON body must carry the types its schema says; nothing is coerced or changed', async () => {
    const ben = await t.member('ben');
    await ann.patch(`${API}/settings`, { autoWithdrawAfterDays: 30, emailReminders: true });
    for (const wrong of [
      { autoWithdrawAfterDays: 0 },
      { autoWithdrawAfterDays: '30' },
      { autoWithdrawAfterDays: false },
      { emailReminders: null },
      { emailReminders: 'false' },
      { emailReminders: 0 },
    ]) {
      expectProblem(await ann.patch(`${API}/settings`, wrong), 400, 'validation_failed');
    }
    const settings = (await ann.get(`${API}/settings`)).body;
    expect(settings.autoWithdrawAfterDays).toBe(30);
    expect(settings.emailReminders).toBe(true);

    const sent = (await ann.invite(ben)).body.id;
    for (const wrong of [{ ids: sent }, { dryRun: 'false' }, { olderThanDays: '14' }]) {
      expectProblem(await ann.post(`${API}/invitations/withdraw`, wrong), 400, 'validation_failed');
    }
    expect((await ben.get(`${API}/invitations/received/count`)).body.total).toBe(1);
    // Query strings are text: their numbers and booleans are still read as such.
    expect((await ben.get(`${API}/invitations/received?limit=1&withNote=false`)).status).toBe(200);
  });

  it('a value outside the few a field takes is refused naming them once, in the query and the body', async () => {
    const order = expectProblem(
      await ann.get(`${API}/invitations/sent?order=sideways`),
      400,
      'validation_failed',
    );
    expect(order.errors).toEqual([
      { path: '/querystring/order', message: 'must be one of "newest", "oldest"' },
    ]);
    const kind = expectProblem(
      await ann.post(`${API}/invitations`, { kind: 'friend', to: 'nobody' }),
      400,
      'validation_failed',
    );
    expect(kind.errors).toEqual([{ path: '/body/kind', message: 'must be "connection"' }]);
    expect(kind.detail).toBe('The request is not valid: /body/kind must be "connection".');
    const howKnown = expectProblem(
      await ann.post(`${API}/invitations`, { kind: 'connection', to: 'nobody', howKnown: 'met' }),
      400,
      'validation_failed',
    );
    expect(howKnown.errors).toHaveLength(1);
    expect(howKnown.errors[0].message).toMatch(/^must be one of "\w+"(, "\w+")+$/);
  });

  it('bodies that try prototype pollution or are not JSON are refused with 400', async () => {
    const poisoned = await raw(
      'POST',
      `${API}/contacts/import`,
      'application/json',
      '{"__proto__": {"x": 1}, "emails": []}',
    );
    expectProblem(poisoned, 400, 'validation_failed');
    const broken = await raw('POST', `${API}/contacts/import`, 'application/json', '{"emails": [');
    expectProblem(broken, 400, 'validation_failed');
    const media = await raw('POST', `${API}/contacts/import`, 'application/xml', '<emails/>');
    expectProblem(media, 415, 'unsupported_media_type');
  });

  it('R37: a body in a media type its operation does not read gets the 415 the description declares, text ones too', async () => {
    // Alike whether a parser exists for the type (text ones) or none does (XML).
    for (const type of ['text/plain', 'text/csv', 'application/xml']) {
      const refused = await raw('POST', `${API}/invitations`, type, 'kind=connection');
      expectProblem(refused, 415, 'unsupported_media_type');
      expect(refused.body.detail).toBe(`This operation reads application/json, not ${type}.`);
    }
    const xml = await raw('POST', `${API}/contacts/import`, 'application/xml', '<emails/>');
    expect(xml.body.detail).toBe(
      'This operation reads application/json or text/csv, not application/xml.',
    );
    expectProblem(
      await raw('PATCH', `${API}/settings`, 'text/plain', '{"emailReminders":false}'),
      415,
      'unsupported_media_type',
    );
    expect((await ann.get(`${API}/settings`)).body.emailReminders).toBe(true);
    // The contacts import reads CSV as well as JSON; JSON with a charset is JSON.
    const csv = await raw('POST', `${API}/contacts/import`, 'text/csv', 'email\ncsv@example.test');
    expect(csv.status).toBe(200);
    const json = await raw(
      'POST',
      `${API}/contacts/import`,
      'application/json; charset=utf-8',
      '{"emails":["json@example.test"]}',
    );
    expect(json.status).toBe(200);
  });

  it('a method an API path does not take answers 405 with the ones it does; an unknown path stays 404', async () => {
    const put = await ann.put(`${API}/me`, { name: 'Ann Again' });
    expectProblem(put, 405, 'method_not_allowed');
    expect(put.headers.allow).toBe('GET, HEAD, PATCH, DELETE');
    expect((await ann.get(`${API}/me`)).body.name).not.toBe('Ann Again');
    const reset = await ann.delete(`${API}/account/password-reset`);
    expectProblem(reset, 405, 'method_not_allowed');
    expect(reset.headers.allow).toBe('POST');
    expectProblem(await ann.put(`${API}/nothing-here`), 404, 'not_found');
  });

  it('answers carry the security headers', async () => {
    const reply = await ann.get(`${API}/me`);
    expect(reply.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    });
    expect(reply.headers).toMatchObject({
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
      'permissions-policy': expect.stringContaining('camera=()'),
    });
    expect(String(reply.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
