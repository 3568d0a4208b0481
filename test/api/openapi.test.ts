import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { default?: unknown };
}

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Schema {
  $ref?: string;
  required?: string[];
  properties?: Record<string, unknown>;
}

interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const PUBLIC = [
  'signUp',
  'signIn',
  'verifyEmail',
  'requestPasswordReset',
  'confirmPasswordReset',
  'showUnsubscribe',
  'unsubscribe',
  'getInstance',
];

describe('R37 one contract', () => {
  let t: TestApp;
  let description: Description;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await startApp();
    const reply = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    description = reply.json<Description>();
    operations = Object.entries(description.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]): [string, Operation] => [`${method} ${path}`, op]),
    );
  });
  afterAll(() => t.close());

  it('R37 is the committed openapi.json, from which the web client is generated', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'),
    );
    expect(description).toEqual(committed);
  });

  it('R37 every operation has a unique camelCase operationId, a summary, tags and a 4xx answer', () => {
    const ids = operations.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const [name, op] of operations) {
      expect(op.operationId, name).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(op.summary, name).toBeTruthy();
      expect(op.tags?.length, name).toBeGreaterThan(0);
      expect(
        Object.keys(op.responses).some((status) => /^4\d\d$/.test(status)),
        name,
      ).toBe(true);
    }
  });

  it('R37 public operations declare security: [] and the others inherit sign-in', () => {
    for (const [name, op] of operations) {
      if (PUBLIC.includes(op.operationId!)) expect(op.security, name).toEqual([]);
      else expect(op.security, name).toBeUndefined();
    }
  });

  it('R37 query parameters with a default are optional; bodies are declared', () => {
    const withDefault = operations.flatMap(([name, op]) =>
      (op.parameters ?? [])
        .filter((p) => p.in === 'query' && p.schema?.default !== undefined)
        .map((p) => ({ name, parameter: p.name, required: p.required })),
    );
    expect(withDefault.length).toBeGreaterThan(0);
    for (const found of withDefault) expect(found.required, found.name).toBe(false);
    const bodies = operations.filter(([, op]) => op.requestBody).map(([, op]) => op.operationId);
    expect(bodies).toEqual(
      expect.arrayContaining(['signUp', 'sendInvitation', 'ignoreInvitation', 'unsubscribe']),
    );
  });

  it('R37 an operation that takes a body declares the 415 its answer to another media type is', async () => {
    for (const [name, op] of operations) {
      const declared = op.responses['415']?.content?.['application/problem+json'];
      if (op.requestBody) expect(declared, name).toBeDefined();
      else expect(declared, name).toBeUndefined();
    }
    const reply = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a&password=b',
    });
    expect(reply.statusCode).toBe(415);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('R34 every operation declares the 429 and 503 any request may get, and one that takes a body its 413', () => {
    for (const [name, op] of operations) {
      expect(op.responses['503']?.content?.['application/problem+json'], name).toBeDefined();
      expect(op.responses['429']?.content?.['application/problem+json'], name).toBeDefined();
      if (op.requestBody)
        expect(op.responses['413']?.content?.['application/problem+json'], name).toBeDefined();
    }
  });

  it('R40 every list answers {items, nextCursor} and takes limit and cursor', () => {
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref
        ? description.components.schemas[schema.$ref.replace('#/components/schemas/', '')]
        : schema;
    const lists = operations.filter(([name, op]) => {
      const ok = resolve(op.responses['200']?.content?.['application/json']?.schema);
      return name.startsWith('get ') && ok?.properties?.items !== undefined;
    });
    expect(lists.length).toBeGreaterThan(15);
    for (const [name, op] of lists) {
      const ok = resolve(op.responses['200']?.content?.['application/json']?.schema);
      expect(ok?.required, name).toEqual(expect.arrayContaining(['items', 'nextCursor']));
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect(query, name).toEqual(expect.arrayContaining(['limit', 'cursor']));
    }
  });

  it('R37 the test-clock routes, served in test-clock mode only, stay out of it', async () => {
    expect((await t.runJobs()).status).toBe(200);
    expect(Object.keys(description.paths).filter((path) => path.includes('/test/'))).toEqual([]);
  });
});
