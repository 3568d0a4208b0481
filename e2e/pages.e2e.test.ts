import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, type Member } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import { DESKTOP, launchBrowser, PHONE, signedIn, syncClock } from './helpers/browser.js';
import { startServer, type TestServer } from './helpers/server.js';

const SHOTS = new URL('./screenshots/', import.meta.url);

interface PageCase {
  name: string;
  path: string;
  /** Text that shows once the page has its data. */
  ready: string;
  signedOut?: boolean;
}

async function settle(page: Page, ready: string): Promise<void> {
  await page.getByText(ready, { exact: false }).first().waitFor();
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
}

/** Full-page shots of pages; dialogs are shot as the viewport shows them. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage });
}

describe('Every page: accessibility, phone width and screenshots', () => {
  let server: TestServer;
  let api: Api;
  let browser: Browser;
  let alice: Member;
  let bea: Member;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    api = new Api(server.baseUrl);
    browser = await launchBrowser();
    alice = await api.member('Alice Example', { headline: 'Engineering manager at Initech' });
    bea = await api.member('Bea Recipient', { headline: 'Data engineer at Globex' });
    const cal = await api.member('Cal Colleague', { headline: 'Designer at Initech' });
    const dee = await api.member('Dee Incoming', { headline: 'Product lead at Acme' });
    const eve = await api.member('Eve Evans', { headline: 'Recruiter at Hooli' });
    const fay = await api.member('Fay Faraway', { headline: 'Analyst at Umbrella' });
    const gus = await api.member('Gus Newman');
    const hal = await api.member('Hal Blocked');
    const ivy = await api.member('Ivy Suggested', { headline: 'Engineer at Initech' });
    await api.connect(alice, cal);
    await api.connect(cal, dee);
    await api.connect(cal, eve);
    await api.connect(cal, ivy);
    await api.invite(alice, fay);
    await api.invite(alice, bea);
    await api.advanceDays(16);
    await api.invite(alice, gus);
    await api.invite(dee, alice, {
      note: 'We met at the meetup — would be great to stay in touch.',
    });
    await api.invite(eve, alice);
    await api.call('PUT', `/blocks/${hal.handle}`, undefined, alice.token).catch(() => undefined);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cases: PageCase[] = [
    { name: 'signin', path: '/signin', ready: 'Sign in', signedOut: true },
    { name: 'signup', path: '/signup', ready: 'Create your account', signedOut: true },
    { name: 'mynetwork', path: '/mynetwork', ready: 'See all 2' },
    { name: 'received', path: '/mynetwork/invitation-manager/received', ready: 'Dee Incoming' },
    { name: 'sent', path: '/mynetwork/invitation-manager/sent', ready: 'Fay Faraway' },
    { name: 'profile', path: '/in/bea-recipient', ready: 'Data engineer at Globex' },
    { name: 'settings', path: '/settings', ready: 'Who can send you invitations' },
    { name: 'notifications', path: '/notifications', ready: 'invited you to connect' },
    { name: 'connections', path: '/connections', ready: 'Cal Colleague' },
    { name: 'search', path: '/search?q=bea', ready: 'People matching' },
  ];

  async function open(
    viewport: typeof DESKTOP,
    signedOut: boolean,
    colorScheme: 'light' | 'dark' = 'light',
  ) {
    if (!signedOut) return signedIn(browser, api, alice, { viewport, colorScheme });
    const context = await browser.newContext({ baseURL: api.baseUrl, viewport, colorScheme });
    await syncClock(context, api);
    return { context, page: await context.newPage() };
  }

  for (const item of cases) {
    it(`${item.name}: no serious axe violations, fits 375 px, screenshots`, async () => {
      const desktop = await open(DESKTOP, Boolean(item.signedOut));
      await desktop.page.goto(item.path);
      await settle(desktop.page, item.ready);
      expect(await seriousViolations(desktop.page)).toEqual([]);
      await shoot(desktop.page, `${item.name}-desktop`);
      await desktop.context.close();

      const phone = await open(PHONE, Boolean(item.signedOut));
      await phone.page.goto(item.path);
      await settle(phone.page, item.ready);
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(phone.page)).toEqual([]);
      await shoot(phone.page, `${item.name}-phone`);
      await phone.context.close();
    });
  }

  it('dark mode and open dialogs have no serious violations', async () => {
    const { context, page } = await open(DESKTOP, false, 'dark');
    await page.goto('/mynetwork/invitation-manager/sent');
    await settle(page, 'Fay Faraway');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'sent-dark-desktop');

    await page.getByRole('button', { name: 'Withdraw invitation to Fay Faraway' }).click();
    await page.getByRole('dialog', { name: 'Withdraw invitation' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'withdraw-dialog-dark-desktop', false);
    await page.keyboard.press('Escape');

    await page.goto('/mynetwork');
    await settle(page, 'See all 2');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'mynetwork-dark-desktop');
    await context.close();
  });

  it('the Connect dialog and the stale preview have no serious violations (phone)', async () => {
    const { context, page } = await open(PHONE, false);
    await page.goto('/mynetwork');
    await page.getByRole('button', { name: 'Connect with Ivy Suggested' }).click();
    await page.getByRole('dialog', { name: 'Invite Ivy Suggested to connect' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'connect-dialog-phone', false);
    await page.keyboard.press('Escape');

    await page.goto('/mynetwork/invitation-manager/sent?review=stale');
    await page.getByRole('list', { name: 'Invitations that will be withdrawn' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'stale-preview-phone', false);
    await context.close();
  });
});
