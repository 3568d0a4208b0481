import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Member, ok } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import { DESKTOP, expectFitsPhone, PHONE, shoot, syncClock } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

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

describe('Every page: accessibility, phone width and screenshots', () => {
  const suite = setupSuite();
  let alice: Member;
  let bea: Member;

  beforeAll(async () => {
    alice = await suite.api.member('Alice Example', { headline: 'Engineering manager at Initech' });
    bea = await suite.api.member('Bea Recipient', { headline: 'Data engineer at Globex' });
    const cal = await suite.api.member('Cal Colleague', { headline: 'Designer at Initech' });
    const dee = await suite.api.member('Dee Incoming', { headline: 'Product lead at Acme' });
    const eve = await suite.api.member('Eve Evans', { headline: 'Recruiter at Hooli' });
    const fay = await suite.api.member('Fay Faraway', { headline: 'Analyst at Umbrella' });
    const gus = await suite.api.member('Gus Newman');
    const hal = await suite.api.member('Hal Blocked');
    const ivy = await suite.api.member('Ivy Suggested', { headline: 'Engineer at Initech' });
    await suite.api.connect(alice, cal);
    await suite.api.connect(cal, dee);
    await suite.api.connect(cal, eve);
    await suite.api.connect(cal, ivy);
    await suite.api.invite(alice, fay);
    await suite.api.invite(alice, bea);
    await suite.api.advanceDays(16);
    await suite.api.invite(alice, gus);
    await suite.api.invite(dee, alice, {
      note: 'We met at the meetup — would be great to stay in touch.',
    });
    await suite.api.invite(eve, alice);
    await ok(
      suite.api
        .as(alice)
        .PUT('/api/v1/blocks/{handle}', { params: { path: { handle: hal.handle } } }),
    ).catch(() => undefined);
  }, 60_000);

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
    if (!signedOut) return suite.signIn(alice, { viewport, colorScheme });
    const context = await suite.browser.newContext({
      baseURL: suite.api.baseUrl,
      viewport,
      colorScheme,
    });
    await syncClock(context, suite.api);
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
      await expectFitsPhone(phone.page);
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
