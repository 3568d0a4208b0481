import { describe, expect, it } from 'vitest';
import { buildSerializer } from './serializers.js';
import { buildValidator } from './validators.js';

const person = () => ({
  type: 'object',
  properties: { name: { type: 'string' } },
});
const route = (schema: object, httpPart?: string) => ({
  schema,
  method: 'GET',
  url: '/',
  httpPart,
  httpStatus: '200',
});

describe('each different schema is compiled once', () => {
  it('routes answering with equal schemas share one serializer; another schema gets its own', () => {
    const compile = buildSerializer({});
    expect(buildSerializer({})).toBe(compile);
    const first = compile(route(person()));
    expect(compile(route(person()))).toBe(first);

    const withAge = {
      ...person(),
      properties: { ...person().properties, age: { type: 'integer' } },
    };
    const other = compile(route(withAge));
    expect(other).not.toBe(first);
    const member = { name: 'Ana', age: 41, password: 'kept out' };
    expect(JSON.parse(first(member))).toEqual({ name: 'Ana' });
    expect(JSON.parse(other(member))).toEqual({ name: 'Ana', age: 41 });
  });

  it('a body and a query string with the same schema keep their own validators: only the query coerces', () => {
    const compile = buildValidator({}, { customOptions: {} });
    expect(buildValidator({}, { customOptions: {} })).toBe(compile);
    const limit = () => ({ type: 'object', properties: { limit: { type: 'integer' } } });
    const query = compile(route(limit(), 'querystring'));
    const body = compile(route(limit(), 'body'));
    expect(compile(route(limit(), 'querystring'))).toBe(query);
    expect(compile(route(limit(), 'body'))).toBe(body);
    expect(query({ limit: '20' })).toBe(true);
    expect(body({ limit: '20' })).toBe(false);
    expect(body({ limit: 20 })).toBe(true);
  });
});
