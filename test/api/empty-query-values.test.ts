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
  it('R40: the Sent list with every filter empty is the Sent list', async () => {
    const plain = await ann.get('/api/v1/invitations/sent');
    const empty = await ann.get(
      '/api/v1/invitations/sent?kind=&olderThanDays=&order=&q=&limit=&cursor=',
    );
    expect(empty.status).toBe(200);
    expect(plain.body.items).toHaveLength(2);
    expect(empty.body).toEqual(plain.body);
  });

  it('R40: the Received list with every filter empty is the Received list', async () => {
    const plain = await ben.get('/api/v1/invitations/received');
    const empty = await ben.get(
      '/api/v1/invitations/received?status=&order=&withNote=&minMutual=&limit=',
    );
    expect(empty.status).toBe(200);
    expect(plain.body.items).toHaveLength(2);
    expect(empty.body).toEqual(plain.body);
  });

  it('a value the list does not know is still refused', async () => {
    const bogus = await ben.get('/api/v1/invitations/received?status=bogus');
    expect(bogus.status).toBe(400);
    expect(bogus.body.code).toBe('validation_failed');
  });
});
