/**
 * The web app's files are looked up when asked for: a server that outlives a rebuild of the
 * web app serves the new build's files with its new index.html, instead of a blank page.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, inject, PASSWORD, startApp, type TestApp } from '../helpers/app.js';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const added = `assets/added-after-start-${randomUUID()}.js`;

let t: TestApp;
beforeAll(async () => {
  expect(existsSync(`${WEB_ROOT}index.html`), 'the web app is built before the tests').toBe(true);
  t = await startApp();
});
afterAll(async () => {
  rmSync(WEB_ROOT + added, { force: true });
  await t.close();
});

describe('the web app files', () => {
  it('a file written after the server started is served, with the assets’ long caching', async () => {
    writeFileSync(WEB_ROOT + added, 'export const built = "later";\n');
    const answer = await t.app.inject({ method: 'GET', url: `/${added}` });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toBe('export const built = "later";\n');
    expect(answer.headers['cache-control']).toContain('immutable');
  });

  it('the root and the app’s routes are the app, never cached for long', async () => {
    for (const url of ['/', '/mynetwork', '/assets/']) {
      const answer = await t.app.inject({ method: 'GET', url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['content-type'], url).toContain('text/html');
      expect(answer.headers['cache-control'], url).not.toContain('immutable');
    }
  });

  it('a missing file and index.html by name are 404 problem details', async () => {
    for (const url of ['/assets/gone-0000.js', '/index.html']) {
      const answer = await t.app.inject({ method: 'GET', url });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.json()).toMatchObject({ code: 'not_found' });
    }
  });
});

describe('the sign-in and sign-up pages', () => {
  async function page(url: string, cookie?: string) {
    return t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  }

  it('send a member still signed in on to where they were going, and show anyone else the form', async () => {
    const ann = await t.member('ann');
    const signIn = await inject(t.app, 'POST', `${API}/session`, {
      email: ann.email,
      password: PASSWORD,
    });
    const cookie = String([signIn.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
    for (const [url, to] of [
      ['/signin', '/mynetwork'],
      ['/signup', '/mynetwork'],
      ['/login', '/mynetwork'],
      ['/signin?next=%2Fconnections%3Fq%3Dbo', '/connections?q=bo'],
      ['/signin?next=%2F%2Fevil.example%2Fx', '/mynetwork'],
      ['/signin?next=%2F%5Cevil.example', '/mynetwork'],
      ['/signin?next=https%3A%2F%2Fevil.example', '/mynetwork'],
    ] as const) {
      const answer = await page(url, cookie);
      expect(answer.statusCode, url).toBe(303);
      expect(answer.headers.location, url).toBe(to);
    }
    for (const visitor of [undefined, 'rapport_session=not-a-session']) {
      const answer = await page('/signin', visitor);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toContain('text/html');
    }
    const other = await page('/connections', cookie);
    expect(other.statusCode).toBe(200);
  });
});
