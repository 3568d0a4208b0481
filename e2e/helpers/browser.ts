import { mkdir } from 'node:fs/promises';
import { expect } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Route,
} from 'playwright-core';
import type { Api, Member } from './api.js';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

const SHOTS = new URL('../screenshots/', import.meta.url);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface SignInOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  timezoneId?: string;
  /** The browser's language, which sets how numbers are written ("1,200" or "1.200"). */
  locale?: string;
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/**
 * A browser signed in as `member`. The page's clock shows the server's test clock, so
 * "2 weeks ago" and cooldown dates read as they would in production.
 */
export async function signedIn(
  browser: Browser,
  api: Api,
  member: Member,
  options: SignInOptions = {},
): Promise<SignedIn> {
  const context = await newContext(browser, api, options);
  const response = await context.request.post('/api/v1/session', {
    data: { email: member.email, password: member.password },
  });
  if (!response.ok()) throw new Error(`sign-in ${member.name}: ${await response.text()}`);
  await syncClock(context, api);
  const page = await context.newPage();
  return { context, page };
}

/** A browser no one is signed in to yet, set up as `signedIn`'s are. */
export async function signedOut(browser: Browser, api: Api): Promise<SignedIn> {
  const context = await newContext(browser, api, {});
  return { context, page: await context.newPage() };
}

async function newContext(
  browser: Browser,
  api: Api,
  options: SignInOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: api.baseUrl,
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId ?? 'UTC',
    locale: options.locale ?? 'en-GB',
  });
  context.setDefaultTimeout(10_000);
  return context;
}

export async function syncClock(context: BrowserContext, api: Api): Promise<void> {
  await context.clock.setFixedTime(await api.serverNow());
}

/**
 * Lets the Undo window of a withdrawal (5 s in the web app) run out on the page's clock, so a
 * waiting withdrawal is sent now, and one that was undone shows it sends nothing, at once.
 */
export async function endUndoWindow(page: Page): Promise<void> {
  await page.clock.fastForward(6_000);
}

/** What has keyboard focus: its text, or "body" when focus has fallen to the page. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return !element || element === document.body ? 'body' : (element.textContent ?? '');
  });
}

/** What has keyboard focus: its accessible name or text, or "body" when focus has fallen. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    return element.getAttribute('aria-label') ?? element.textContent ?? '';
  });
}

/**
 * How many times the page laid itself out while `action` ran, as Chromium counts them: a key
 * that lays out each of thousands of rows on its own freezes the page for seconds.
 */
export async function layoutsDuring(page: Page, action: () => Promise<void>): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const layouts = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'LayoutCount')?.value ?? 0;
  };
  const before = await layouts();
  await action();
  const after = await layouts();
  await session.detach();
  return after - before;
}

/** Whether what has keyboard focus says it is busy. */
export function focusedIsBusy(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-disabled') === 'true');
}

/**
 * The page's `method` requests to `url`, each held on its way until the test lets it go on: the
 * test looks at the page while a request runs without waiting for any time.
 */
export async function holdRequests(
  page: Page,
  method: string,
  url: string | RegExp,
): Promise<Route[]> {
  const held: Route[] = [];
  await page.route(url, async (route) => {
    if (route.request().method() === method) held.push(route);
    else await route.fallback();
  });
  return held;
}

/**
 * Presses Enter on `button` while its requests are held (see `holdRequests`), and checks what a
 * busy button promises: one request went, and the focus stays on the button, now named
 * `busyName`, which says it is busy.
 */
export async function pressWhileHeld(
  page: Page,
  button: Locator,
  held: Route[],
  busyName: string,
): Promise<void> {
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => held.length).toBe(1);
  // The request leaves before React renders the pending state, so the busy name ("Saving…") and
  // the busy mark may follow it.
  await expect.poll(() => focusedName(page)).toBe(busyName);
  await expect.poll(() => focusedIsBusy(page)).toBe(true);
}

/** What each of `locators` reads, together: counts that must agree are read in one go. */
export function textsOf(...locators: Locator[]): Promise<(string | null)[]> {
  return Promise.all(locators.map((locator) => locator.textContent()));
}

/** "18 December 2026", as the app writes dates. */
export function longDate(value: Date | string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(value));
}

/** Saves e2e/screenshots/<name>.png, for a person to look at; a dialog is shot as the viewport shows it. */
export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage });
}

/** The space between the bottom of `above` and the top of `below`, in CSS pixels. */
export async function gapBelow(above: Locator, below: Locator): Promise<number> {
  const [a, b] = await Promise.all([above.boundingBox(), below.boundingBox()]);
  if (!a || !b) throw new Error('both must be on the page');
  return b.y - (a.y + a.height);
}

/** No layout wider than a 375-px screen, once a page just resized to it has laid itself out. */
export async function expectFitsPhone(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(PHONE.width);
}
