import { describe, expect, it } from 'vitest';
import type { ElementHandle, Locator, Page, Route } from 'playwright-core';
import { memberRow, seedMembers } from '../test/helpers/members.js';
import { seedInvitationsBulk } from '../test/helpers/network.js';
import { focusedIsBusy, focusedText } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

const RECEIVED = '/mynetwork/invitation-manager/received';
const SENT = '/mynetwork/invitation-manager/sent';
/** The web app reads a long list 100 rows at a time. */
const PAGE = 100;

/** Every next page of the Sent list (a request with a cursor) waits until the test lets it on. */
async function holdNextPages(page: Page): Promise<{ held: Route[]; cursors: string[] }> {
  const held: Route[] = [];
  const cursors: string[] = [];
  await page.route(
    (url) => url.pathname === '/api/v1/invitations/sent' && url.searchParams.has('cursor'),
    (route) => {
      cursors.push(new URL(route.request().url()).searchParams.get('cursor') ?? '');
      held.push(route);
    },
  );
  return { held, cursors };
}

type Suite = ReturnType<typeof setupSuite>;

/** A new member who has sent `count` invitations, and their recipients. */
async function withSent(suite: Suite, name: string, count: number) {
  const me = await suite.api.member(name);
  const { seeding } = suite;
  const recipients = await seedMembers(seeding, count);
  await seedInvitationsBulk(seeding, await memberRow(seeding, me.handle), recipients);
  return { me, recipients };
}

/** Whether `row` is in the window, clear of the bar pinned at its top and the list's end at its foot. */
function inClearView(row: Locator): Promise<boolean> {
  return row.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const top = document.querySelector('.topnav')?.getBoundingClientRect().bottom ?? 0;
    const foot = document.querySelector('.list-end')?.getBoundingClientRect().top ?? 0;
    return box.top >= top && box.bottom <= foot;
  });
}

function isFocused(element: ElementHandle): Promise<boolean> {
  return element.evaluate((node) => node.isConnected && node === document.activeElement);
}

/**
 * A member who sent `count` invitations, on their Sent list with its next pages held, and the
 * keyboard moved from the last row's Withdraw to "Show more": reaching the last row scrolls the
 * end of the list near, so the next page starts loading before the member presses anything.
 */
async function tabToShowMore(suite: Suite, name: string, count: number) {
  const { me, recipients } = await withSent(suite, name, count);
  const { context, page } = await suite.signIn(me);
  const { held, cursors } = await holdNextPages(page);
  await page.goto(SENT);
  const rows = page.getByRole('list', { name: 'Sent invitations' }).getByRole('listitem');
  await expect.poll(() => rows.count()).toBe(PAGE);
  await rows
    .last()
    .getByRole('button', { name: /^Withdraw invitation/ })
    .focus();
  await page.keyboard.press('Tab');
  return { context, page, rows, recipients, held, cursors };
}

describe('the end of a long list from the keyboard (R40)', () => {
  const suite = setupSuite();

  it('R40: "Show more" keeps focus while a page loads, a press meanwhile loads nothing twice, and the end marker takes focus', async () => {
    const { context, page, rows, recipients, held, cursors } = await tabToShowMore(
      suite,
      'Kim Keyboard',
      2 * PAGE + 50,
    );
    // Tab lands on "Show more" while the next page is on its way.
    const more = page.getByRole('button', { name: 'Show more invitations' });
    const button = await more.elementHandle();
    expect(await isFocused(button)).toBe(true);
    await expect.poll(() => held.length).toBe(1);
    // Pressed once the button says the page is on its way, it still asks for its rows to be shown.
    await expect.poll(() => focusedIsBusy(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await isFocused(button)).toBe(true);
    expect(held).toHaveLength(1);

    await held[0]!.continue();
    await expect.poll(() => rows.count()).toBe(2 * PAGE);
    expect(await isFocused(button)).toBe(true);
    // The rows it loaded went in above it, and it is still in the window where the focus is.
    expect(
      await more.evaluate((b) => {
        const box = b.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    // The press scrolled the rows it loaded into view, not just the first of them, with the last
    // row before them still there to read on from.
    for (const row of [PAGE - 1, PAGE, PAGE + 1, PAGE + 2])
      expect(await inClearView(rows.nth(row)), `row ${row + 1}`).toBe(true);

    // The last page loads by scrolling while focus stays on "Show more", and Enter meanwhile.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => held.length).toBe(2);
    await page.keyboard.press('Enter');
    expect(await isFocused(button)).toBe(true);
    await held[1]!.continue();
    await expect.poll(() => rows.count()).toBe(2 * PAGE + 50);
    await expect.poll(() => focusedText(page)).toBe('All 250 shown');

    expect(held).toHaveLength(2);
    expect(new Set(cursors).size).toBe(2);
    const shown = await rows
      .getByRole('button', { name: /^Withdraw invitation to / })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(shown).toHaveLength(recipients.length);
    expect(new Set(shown)).toEqual(
      new Set(recipients.map((recipient) => `Withdraw invitation to ${recipient.name}`)),
    );
    await context.close();
  });

  it('R40: a next page that comes within 300 ms changes only the rows; a slower one says it is loading', async () => {
    const { me } = await withSent(suite, 'Quinn Quick', 2 * PAGE + 50);
    const { context, page } = await suite.signIn(me);
    const { held } = await holdNextPages(page);
    await page.goto(SENT);
    const rows = page.getByRole('list', { name: 'Sent invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(PAGE);
    // From here the page's timers run only as far as the test moves its clock, whatever the
    // real time the requests take.
    await page.clock.pauseAt(new Date((await suite.api.serverNow()).getTime() + 1_000));
    const lines = await page.evaluateHandle(() => {
      const texts: string[] = [];
      const line = document.querySelector('.list-end [role="status"]');
      const record = () => texts.push(line?.textContent ?? '');
      if (line)
        new MutationObserver(record).observe(line, {
          subtree: true,
          characterData: true,
          childList: true,
        });
      return texts;
    });
    const status = page.locator('.list-end').getByRole('status');
    const nextPage = () => page.waitForResponse((response) => response.url().includes('cursor='));

    await page.getByRole('button', { name: 'Show more invitations' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => held.length).toBe(1);
    await page.clock.runFor(200);
    const answered = nextPage();
    await held[0]!.continue();
    await answered;
    for (let ms = 0; ms < 90 && (await rows.count()) < 2 * PAGE; ms += 10)
      await page.clock.runFor(10);
    expect(await rows.count()).toBe(2 * PAGE);
    await page.clock.runFor(1_000);
    expect(await lines.evaluate((texts) => texts)).toEqual(['Showing 200 of 250 invitations']);
    expect(await focusedIsBusy(page)).toBe(false);

    await page.keyboard.press('Enter');
    await expect.poll(() => held.length).toBe(2);
    await page.clock.runFor(299);
    expect(await status.textContent()).toBe('Showing 200 of 250 invitations');
    await page.clock.runFor(1);
    await expect.poll(() => status.textContent()).toBe('Loading more invitations…');
    expect(await focusedIsBusy(page)).toBe(true);
    await held[1]!.continue();
    await expect
      .poll(async () => {
        await page.clock.runFor(10);
        return focusedText(page);
      })
      .toBe('All 250 shown');
    await context.close();
  });

  it('R40: the last page loaded by scrolling while focus is on "Show more" hands focus to the end marker', async () => {
    const { context, page, rows, held } = await tabToShowMore(suite, 'Sol Scroller', PAGE + 20);
    expect(await focusedText(page)).toBe('Show more invitations');
    await expect.poll(() => held.length).toBe(1);
    expect(await focusedText(page)).toBe('Show more invitations');

    await held[0]!.continue();
    await expect.poll(() => rows.count()).toBe(PAGE + 20);
    await expect.poll(() => focusedText(page)).toBe('All 120 shown');
    expect(held).toHaveLength(1);
    await context.close();
  });

  it('R40: while the count is on its way, the line says how many rows are shown, not that they are all', async () => {
    const { me: sam } = await withSent(suite, 'Sam Sender', PAGE + 50);
    const rita = await suite.api.member('Rita Reader');
    const { seeding } = suite;
    const ritaRow = await memberRow(seeding, rita.handle);
    for (const sender of await seedMembers(seeding, PAGE + 50))
      await seedInvitationsBulk(seeding, sender, [ritaRow]);
    const lists = [
      { member: rita, url: RECEIVED, counted: '/api/v1/invitations/received/count' },
      { member: sam, url: SENT, counted: '/api/v1/invitations/sent/count' },
    ];
    for (const { member, url, counted } of lists) {
      const { context, page } = await suite.signIn(member);
      // The counts wait until the test lets them on; any asked for after that go straight on.
      const counts: Route[] = [];
      let holding = true;
      await page.route(
        (requested) => requested.pathname === counted,
        (route) => (holding ? void counts.push(route) : route.continue()),
      );
      await page.goto(url);
      const status = page.locator('.list-end').getByRole('status');
      await expect
        .poll(() => status.textContent(), { message: url })
        .toBe(`Showing ${PAGE} invitations`);
      expect(counts.length, url).toBeGreaterThan(0);

      holding = false;
      for (const route of counts) await route.continue();
      await expect
        .poll(() => status.textContent(), { message: url })
        .toBe(`Showing ${PAGE} of ${PAGE + 50} invitations`);
      await context.close();
    }
  });
});
