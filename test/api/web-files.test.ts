/**
 * The web app's files are looked up when asked for: a server that outlives a rebuild of the
 * web app serves the new build's files with its new index.html, instead of a blank page.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';

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
