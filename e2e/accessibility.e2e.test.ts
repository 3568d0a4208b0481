/**
 * Every page of the web app, with a network like the demo's, at desktop and phone size, in light
 * and dark: the newest axe-core finds no serious or critical violation, and nothing is wider than
 * a 375-px screen (UX "Everywhere"). The light ones are saved as screenshots for a person to
 * look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runCli } from '../test/jobs/child.js';
import { type Member, ok } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import { DESKTOP, expectFitsPhone, PHONE, shoot, syncClock } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';
import { Targets } from './helpers/targets.js';

const VARIANTS = [
  ['desktop light', DESKTOP, 'light'],
  ['desktop dark', DESKTOP, 'dark'],
  ['phone light', PHONE, 'light'],
  ['phone dark', PHONE, 'dark'],
] as const;

/**
 * The serious and critical violations of the loaded page in each size and colour scheme, once
 * it fits each size; its light ones are shot as `<shot>-desktop` and `<shot>-phone`.
 */
async function violationsEverywhere(page: Page, shot: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const [name, viewport, colorScheme] of VARIANTS) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    if (viewport === PHONE) await expectFitsPhone(page);
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[name] = violations;
    if (colorScheme === 'light')
      await shoot(page, `${shot}-${viewport === PHONE ? 'phone' : 'desktop'}`);
  }
  return found;
}

/** A file name for a page's screenshots: "invitation manager, Received" → "invitation-manager-received". */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

describe('Accessibility of every page (UX: no serious or critical axe-core violation)', () => {
  const suite = setupSuite({ RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1' });
  const targets = () => new Targets(suite.api);
  let alice: Member;
  let bea: Member;
  let erin: Member;
  let admin: Member;
  let pageId: string;
  let eventId: string;
  let aliceTab: { context: BrowserContext; page: Page };

  /**
   * Alice has connections at several companies, invitations received with and without a note,
   * sent ones to people, a page and an event, notifications of accepts, and a webhook.
   */
  beforeAll(async () => {
    const api = suite.api;
    alice = await api.member('Alice Analyst', { headline: 'Head of people at Initech' });
    admin = await api.member('Ada Admin');
    bea = await api.member('Bea Builder', {
      headline: 'Data engineer at Globex',
      company: 'Globex',
    });
    const cal = await api.member('Cal Colleague', { headline: 'Designer', company: 'Initech' });
    const dee = await api.member('Dee Designer', { company: 'Hooli' });
    for (const peer of [bea, cal, dee]) await api.connect(alice, peer);
    await api.connect(bea, cal);
    await api.connect(cal, await api.member('Ivy Suggested', { company: 'Initech' }));

    erin = await api.member('Erin Incoming', { headline: 'Product lead at Acme' });
    const fay = await api.member('Fay Friend');
    await api.invite(erin, alice, {
      note: 'We met at the meetup in Berlin',
      howKnown: 'colleague',
    });
    await api.invite(fay, alice);
    await api.invite(alice, await api.member('Ida Idle'));
    await api.advanceDays(16);
    await api.invite(alice, await api.member('Gus Pending'), { note: 'Hello Gus' });
    await api.invite(alice, await api.member('Hal Pending'), { howKnown: 'friend' });

    const page = await targets().createPage(alice, 'Initech Research', 'Research at Initech.');
    pageId = page.id;
    await targets().invitePage(alice, pageId, [cal]);
    const event = await targets().createEvent(alice, 'Initech Summer Meetup', 12, 'Berlin');
    eventId = event.id;
    await targets().inviteEvent(alice, eventId, [dee]);
    await ok(
      api.as(alice).POST('/api/v1/me/webhooks', {
        body: { url: 'http://127.0.0.1:9/hooks', events: ['invitation.accepted'] },
      }),
    );

    const grant = runCli(['admin', 'grant', admin.handle], {
      RAPPORT_DATABASE_URL: suite.databaseUrl,
    });
    expect((await grant.exited).code, grant.output()).toBe(0);
    aliceTab = await suite.signIn(alice);
  }, 120_000);

  afterAll(async () => {
    await aliceTab.context.close();
  });

  const pages: [string, () => string, string][] = [
    ['My Network', () => '/mynetwork', 'Erin Incoming'],
    ['invitation manager, Received', () => '/mynetwork/invitation-manager/received', 'Fay Friend'],
    ['invitation manager, Sent', () => '/mynetwork/invitation-manager/sent', 'Gus Pending'],
    ['own profile', () => `/in/${alice.handle}`, 'Head of people at Initech'],
    ['a connection’s profile', () => `/in/${bea.handle}`, 'Data engineer at Globex'],
    ['profile of someone who invited you', () => `/in/${erin.handle}`, 'Product lead at Acme'],
    ['connections', () => '/connections', 'Dee Designer'],
    ['notifications', () => '/notifications', 'Bea Builder'],
    ['search', () => '/search?q=initech', 'Cal Colleague'],
    ['pages list', () => '/pages', 'Initech Research'],
    ['page detail', () => `/pages/${pageId}`, 'Research at Initech.'],
    ['events list', () => '/events', 'Initech Summer Meetup'],
    ['event detail', () => `/events/${eventId}`, 'Berlin'],
    ['insights', () => '/insights', 'Time to accept'],
    ['settings', () => '/settings', 'Who can send you invitations'],
    ['webhooks', () => '/settings/webhooks', 'http://127.0.0.1:9/hooks'],
  ];

  for (const [name, path, ready] of pages) {
    it(`${name}: light and dark, desktop and 375 px`, async () => {
      const { page } = aliceTab;
      await page.goto(path());
      await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'attached' });
      await page.getByText(ready, { exact: false }).first().waitFor();
      expect(await violationsEverywhere(page, slug(name))).toEqual({});
    });
  }

  it('dialogs: Withdraw in dark, Connect and the stale preview on a phone', async () => {
    const { page } = aliceTab;
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/mynetwork/invitation-manager/sent');
    await page.getByRole('button', { name: 'Withdraw invitation to Gus Pending' }).click();
    await page.getByRole('dialog', { name: 'Withdraw invitation' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'withdraw-dialog-dark-desktop', false);
    await page.keyboard.press('Escape');

    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/mynetwork');
    await page.getByRole('button', { name: 'Connect with Ivy Suggested' }).click();
    await page.getByRole('dialog', { name: 'Invite Ivy Suggested to connect' }).waitFor();
    await expectFitsPhone(page);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'connect-dialog-phone', false);
    await page.keyboard.press('Escape');

    await page.goto('/mynetwork/invitation-manager/sent?review=stale');
    await page.getByRole('list', { name: 'Invitations that will be withdrawn' }).waitFor();
    await expectFitsPhone(page);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'stale-preview-phone', false);
  });

  /** Every item of the open menu is drawn where it is: no card or row clips it, nothing covers it. */
  async function expectMenuWhole(page: Page): Promise<void> {
    const items = await page.getByRole('menu').getByRole('menuitem').all();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      await item.scrollIntoViewIfNeeded();
      const box = await item.boundingBox();
      if (box === null) throw new Error(`${await item.textContent()} is not drawn`);
      // What is drawn at the item's centre is the item: no card clips it, nothing covers it.
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="menuitem"]')?.textContent,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(hit).toBe(await item.textContent());
    }
    await page.keyboard.press('Escape');
  }

  it('a menu opened from a card is not clipped by it at 375 px (UX: menus are never clipped)', async () => {
    const { page } = aliceTab;
    await page.setViewportSize(PHONE);
    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('button', { name: /More/ }).click();
    await expectMenuWhole(page);
  });

  it('a menu opened from a row of a list is not clipped by the row at 375 px (UX: menus are never clipped)', async () => {
    const { page } = aliceTab;
    await page.setViewportSize(PHONE);
    await page.goto('/connections');
    await page.getByRole('button', { name: 'More options for Dee Designer' }).click();
    // Dee's row is short enough for the menu to open past its lower edge.
    const [row, menu] = await Promise.all([
      page
        .locator('li', { has: page.getByRole('menu') })
        .last()
        .boundingBox(),
      page.getByRole('menu').boundingBox(),
    ]);
    expect((menu?.y ?? 0) + (menu?.height ?? 0)).toBeGreaterThan(
      (row?.y ?? 0) + (row?.height ?? 0),
    );
    await expectMenuWhole(page);
  });

  it('admin, as an admin: light and dark, desktop and 375 px', async () => {
    const { context, page } = await suite.signIn(admin);
    await page.goto('/admin');
    await page.getByText('Alice Analyst').first().waitFor();
    expect(await violationsEverywhere(page, 'admin')).toEqual({});
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('list', { name: 'Admin actions, newest first' }).waitFor();
    expect(await violationsEverywhere(page, 'admin-audit')).toEqual({});
    await context.close();
  });

  for (const path of ['/signin', '/signup']) {
    it(`${path.slice(1)} (signed out): light and dark, desktop and 375 px`, async () => {
      const context = await suite.browser.newContext({ baseURL: suite.api.baseUrl });
      await syncClock(context, suite.api);
      const page = await context.newPage();
      await page.goto(path);
      await page.getByRole('button', { name: /Sign (in|up)|Create account|Join/ }).waitFor();
      expect(await violationsEverywhere(page, path.slice(1))).toEqual({});
      await context.close();
    });
  }
});
