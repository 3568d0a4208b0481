/**
 * GET /me counts what "Manage my network" lists: besides connections and follows, the pages the
 * member admins or follows (the length of GET /pages) and the events they organize or attend
 * that have yet to start (the length of GET /events?when=upcoming).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

const HOUR = 3_600_000;

describe('GET /me counts pages and upcoming events', () => {
  it('R21: pages admined or followed, each once, as GET /pages lists them', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const acme = (await ann.post('/api/v1/pages', { name: 'Acme' })).body;
    expect((await ann.post('/api/v1/pages', { name: 'Globex' })).status).toBe(201);
    expect((await ben.get('/api/v1/me')).body.counts.pages).toBe(0);

    expect((await ben.put(`/api/v1/pages/${acme.id}/follow`)).status).toBe(200);
    // Ann admins and follows both of hers: two pages, not four.
    expect((await ann.get('/api/v1/me')).body.counts.pages).toBe(2);
    expect((await ann.get('/api/v1/pages')).body.items).toHaveLength(2);
    expect((await ben.get('/api/v1/me')).body.counts.pages).toBe(1);

    expect((await ben.delete(`/api/v1/pages/${acme.id}/follow`)).status).toBe(200);
    expect((await ben.get('/api/v1/me')).body.counts.pages).toBe(0);
  });

  it('R22: an event leaves the count when it starts, as it leaves the upcoming list', async () => {
    const cat = await t.member('cat');
    const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
    for (const [name, startsAt] of [
      ['Breakfast', at(HOUR)],
      ['Summit', at(72 * HOUR)],
    ]) {
      expect((await cat.post('/api/v1/events', { name, startsAt })).status).toBe(201);
    }
    expect((await cat.get('/api/v1/me')).body.counts.upcomingEvents).toBe(2);

    t.clock.advance(2 * HOUR);
    expect((await cat.get('/api/v1/me')).body.counts.upcomingEvents).toBe(1);
    const upcoming = await cat.get('/api/v1/events?when=upcoming');
    expect(upcoming.body.items.map((e: { name: string }) => e.name)).toEqual(['Summit']);
  });
});
