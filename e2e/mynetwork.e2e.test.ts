import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api } from './helpers/api.js';
import { launchBrowser, signedIn } from './helpers/browser.js';
import { startServer, type TestServer } from './helpers/server.js';

describe('My Network', () => {
  let server: TestServer;
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('accepts an invitation and updates "See all N" without a reload (R10, R23)', async () => {
    const ada = await api.member('Ada Lovelace');
    const dee = await api.member('Dee Incoming', { headline: 'Product lead at Acme' });
    const eve = await api.member('Eve Second');
    const fay = await api.member('Fay Third');
    await api.invite(dee, ada, { note: 'We met at the meetup' });
    await api.invite(eve, ada);
    await api.invite(fay, ada);
    const { context, page } = await signedIn(browser, api, ada);

    await page.goto('/mynetwork');
    await page.getByRole('link', { name: 'See all 3' }).waitFor();
    await page.getByText('We met at the meetup').waitFor();
    await page.getByText('Product lead at Acme').waitFor();

    await page.getByRole('button', { name: 'Accept invitation from Dee Incoming' }).click();
    await page.getByRole('link', { name: 'See all 2' }).waitFor();
    await page.getByText('You and Dee are now connected.').waitFor();
    const summary = page.getByRole('region', { name: 'Manage my network' });
    await expect
      .poll(() => summary.getByRole('link', { name: /Connections/ }).textContent())
      .toMatch(/Connections\s*1$/);
    expect(
      await page.getByRole('button', { name: 'Accept invitation from Dee Incoming' }).count(),
    ).toBe(0);

    await page.getByRole('link', { name: 'See all 2' }).click();
    await page.waitForURL('**/mynetwork/invitation-manager/received');
    const receivedTab = page.getByRole('tab', { name: 'Received (2)' });
    expect(await receivedTab.getAttribute('aria-selected')).toBe('true');
    const rows = page.getByRole('list', { name: 'Received invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);

    const deeSent = await api.sent(dee);
    expect(deeSent.items).toHaveLength(0);
    await context.close();
  });

  it('nudges about invitations waiting more than 2 weeks, and "Not now" hides it', async () => {
    const gus = await api.member('Gus Sender');
    const hal = await api.member('Hal Waiting');
    const ivy = await api.member('Ivy Waiting');
    await api.invite(gus, hal);
    await api.invite(gus, ivy);
    await api.advanceDays(15);
    const { context, page } = await signedIn(browser, api, gus);

    await page.goto('/mynetwork');
    const nudge = page.getByRole('region', {
      name: 'You have 2 invitations waiting more than 2 weeks',
    });
    await nudge.waitFor();
    await nudge.getByRole('button', { name: 'Not now' }).click();
    await nudge.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('region', { name: 'People you may know' }).waitFor();
    expect(await nudge.count()).toBe(0);
    await context.close();
  });
});
