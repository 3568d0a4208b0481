import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { focusedText } from './browser.js';

/** A page of thousands of rows takes a while on a busy machine. */
const WAIT = { timeout: 20_000 };

/**
 * Walks a list to its end from the keyboard (R40): Enter on `more` ("Show more invitations")
 * until the end marker `end` takes focus, and answers how many presses that took. Scrolling
 * loads pages as well; a press while one is on its way waits for that page, and focus never
 * falls to the page's body.
 */
export async function showEverything(
  page: Page,
  rows: Locator,
  more: string,
  end: string,
): Promise<number> {
  await page.getByRole('button', { name: more }).focus();
  let presses = 0;
  for (;;) {
    // The last page takes "Show more" away as its rows show, and the end marker takes the focus
    // in an effect after that render: in between, the focus is on the page's body.
    let focus = '';
    await expect
      .poll(async () => {
        focus = await focusedText(page);
        return focus;
      }, WAIT)
      .toBeOneOf([more, end]);
    if (focus === end) return presses;
    const before = await rows.count();
    await page.keyboard.press('Enter');
    presses++;
    // The last page may arrive by scrolling just before the press, which then has no page to load.
    await expect
      .poll(async () => (await rows.count()) > before || (await focusedText(page)) === end, WAIT)
      .toBe(true);
    expect(presses).toBeLessThan(40);
  }
}

/**
 * Has the web app read `pathname` `limit` rows at a time, so a list a few dozen long takes
 * several pages.
 */
export async function smallPages(page: Page, pathname: string, limit: number): Promise<void> {
  await page.route(
    (url) => url.pathname === pathname,
    (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', String(limit));
      return route.continue({ url: url.toString() });
    },
  );
}
