/**
 * §3 writes filters as `?kind=&olderThanDays=`: a parameter sent with no value means what leaving
 * it out means, on every list, while a value the list does not know is still refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let ann: Member;
let ben: Member;

beforeAll(async () => {
  t = await startApp();
  const cat = await t.member('cat');
  [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
  expect((await ann.invite(ben)).status).toBe(201);
  expect((await ann.invite(cat)).status).toBe(201);
  expect((await cat.invite(ben)).status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('query parameters without a value', () => {
  it.each([
    [
      'Sent',
      () => ann,
      '/api/v1/invitations/sent',
      'kind=&olderThanDays=&order=&q=&limit=&cursor=',
    ],
    [
      'Received',
      () => ben,
      '/api/v1/invitations/received',
      'status=&order=&withNote=&minMutual=&limit=',
    ],
  ])('R40: the %s list with every filter empty is the list', async (_name, who, path, empty) => {
    const plain = await who().get(path);
    const emptied = await who().get(`${path}?${empty}`);
    expect(emptied.status).toBe(200);
    expect(plain.body.items).toHaveLength(2);
    expect(emptied.body).toEqual(plain.body);
  });

  it('a value the list does not know is still refused', async () => {
    const bogus = await ben.get('/api/v1/invitations/received?status=bogus');
    expect(bogus.status).toBe(400);
    expect(bogus.body.code).toBe('validation_failed');
  });
});
