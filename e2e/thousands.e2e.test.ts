import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { memberRow, seedMembers } from '../test/helpers/members.js';
import { connectAll, seedInvitationsBulk } from '../test/helpers/network.js';
import { ok } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import {
  DESKTOP,
  endUndoWindow,
  expectFitsPhone,
  focusedName,
  layoutsDuring,
  PHONE,
  shoot,
} from './helpers/browser.js';
import { showEverything } from './helpers/lists.js';
import { setupSuite } from './helpers/suite.js';

const SENT = '/mynetwork/invitation-manager/sent';
/** Counts and pages of thousands of rows take a while on a busy machine. */
const WAIT = { timeout: 20_000 };
const RECEIVED = '/mynetwork/invitation-manager/received';

function withdrawRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    // A dry run (the preview) withdraws nothing.
    const dryRun = request.postData()?.includes('"dryRun":true') ?? false;
    if (request.method() === 'POST' && /\/withdraw$/.test(request.url()) && !dryRun)
      seen.push(request.url());
  });
  return seen;
}

describe('a member with thousands of invitations (R6, R18, R38, R39, R40)', () => {
  const suite = setupSuite();

  it('R40 R18: reaches the oldest of 3,000 sent invitations, withdraws all older than 2 weeks but a kept one after a preview, and Undo brings them all back', async () => {
    const me = await suite.api.member('Tessa Thousands');
    const { seeding } = suite;
    const sender = await memberRow(seeding, me.handle);
    const [oldest] = await seedMembers(seeding, 1, () => ({ name: 'Olive Oldest' }));
    await seedInvitationsBulk(seeding, sender, [oldest!]);
    await suite.api.advanceDays(1);
    await seedInvitationsBulk(seeding, sender, await seedMembers(seeding, 2_989));
    await suite.api.advanceDays(15);
    await seedInvitationsBulk(seeding, sender, await seedMembers(seeding, 10));
    // Olive's is kept: no bulk withdrawal takes it, and no count of what will go includes it.
    const oldestFirst = await ok(
      suite.api.as(me).GET('/api/v1/invitations/sent', {
        params: { query: { order: 'oldest', limit: 1 } },
      }),
    );
    await ok(
      suite.api.as(me).PUT('/api/v1/invitations/{id}/keep', {
        params: { path: { id: oldestFirst.items[0]!.id } },
      }),
    );
    const { context, page } = await suite.signIn(me);
    const requests = withdrawRequests(page);
    await page.goto(SENT);
    const chips = page.getByRole('group', { name: 'Show sent invitations for' });
    await expect
      .poll(() => chips.getByRole('button', { name: /All/ }).textContent(), WAIT)
      .toBe('All3,000');
    const rows = page.getByRole('list', { name: 'Sent invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count(), WAIT).toBe(100);
    expect(await seriousViolations(page)).toEqual([]);
    // The export of past withdrawals comes before the list, not after rows still to load.
    const csv = page.getByRole('link', { name: 'Download your withdrawn invitations (CSV)' });
    const list = await page.getByRole('list', { name: 'Sent invitations' }).elementHandle();
    expect(
      await csv.evaluate(
        (link, rows) => (link.compareDocumentPosition(rows) & Node.DOCUMENT_POSITION_FOLLOWING) > 0,
        list,
      ),
    ).toBe(true);

    const presses = await showEverything(page, rows, 'Show more invitations', 'All 3,000 shown');
    expect(presses).toBeGreaterThanOrEqual(1);
    expect(await rows.count()).toBe(3_000);
    expect(await rows.last().textContent()).toContain('Olive Oldest');
    await shoot(page, 'sent-3000-end', false);

    await page.getByLabel('Sent', { exact: true }).selectOption('stale');
    await expect
      .poll(() => chips.getByRole('button', { name: /All/ }).textContent(), WAIT)
      .toBe('All2,990');
    // The list comes apart from the count, and "Select all" ticks only the rows it has loaded.
    await rows.first().waitFor(WAIT);
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Select all 2,989 that match' }).click();
    await page.getByText('All 2,989 invitations that match selected').waitFor();
    await page.getByRole('button', { name: 'Withdraw selected' }).click();

    const dialog = page.getByRole('dialog', { name: 'Withdraw 2,989 invitations' });
    await dialog.getByText('2,989 invitations will be withdrawn.').waitFor();
    await dialog.getByText('1 invitation you kept stays.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();

    await page.getByText('2,989 invitations withdrawn.').waitFor();
    // The Undo is one key away at once: focus is on it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), WAIT)
      .toBe('Undo');
    await expect.poll(() => rows.count(), WAIT).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count(), WAIT).toBe(100);
    await endUndoWindow(page);
    expect(requests).toEqual([]);
    const count = await ok(suite.api.as(me).GET('/api/v1/invitations/sent/count'));
    expect(count.total).toBe(3_000);

    // The stale preview names all 2,989 in a box that scrolls: one the keyboard can reach.
    await page.getByRole('button', { name: 'Withdraw all older than 2 weeks' }).click();
    const stale = page.getByRole('dialog', { name: 'Withdraw invitations older than 2 weeks' });
    const going = stale.getByRole('list', { name: 'Invitations that will be withdrawn' });
    await expect.poll(() => going.getByRole('listitem').count(), WAIT).toBe(2_989);
    expect(await seriousViolations(page)).toEqual([]);
    const onList = () => going.evaluate((list) => list === document.activeElement);
    for (let tabs = 0; tabs < 4 && !(await onList()); tabs++) await page.keyboard.press('Tab');
    expect(await onList()).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(() => going.evaluate((list) => list.scrollTop > 0)).toBe(true);

    // With a page of rows loaded, the counts still take off all that wait for their Undo.
    await stale.getByRole('button', { name: 'Withdraw 2,989 invitations' }).click();
    await page.getByText('2,989 invitations withdrawn.').waitFor();
    const counted = () =>
      Promise.all([
        page.getByRole('tab', { name: /^Sent/ }).textContent(),
        chips.getByRole('button', { name: /All/ }).textContent(),
      ]);
    expect(await counted()).toEqual(['Sent (11)', 'All1']);
    await page.keyboard.press('Enter');
    await expect.poll(counted, WAIT).toEqual(['Sent (3,000)', 'All2,990']);
    await endUndoWindow(page);
    expect(requests).toEqual([]);

    // Too large to go with the page as it unloads (64 KiB), a withdrawal still waiting for its
    // Undo is sent when Rapport opens again.
    await page.getByRole('button', { name: 'Withdraw all older than 2 weeks' }).click();
    await stale.getByRole('button', { name: 'Withdraw 2,989 invitations' }).click();
    await page.getByText('2,989 invitations withdrawn.').waitFor();
    await page.reload();
    await page
      .getByText('2,989 invitations withdrawn, as you confirmed before leaving the page.')
      .waitFor(WAIT);
    expect(requests).toHaveLength(1);
    const left = await ok(suite.api.as(me).GET('/api/v1/invitations/sent/count'));
    expect(left.total).toBe(11);
    await expect.poll(counted, WAIT).toEqual(['Sent (11)', 'All1']);
    await context.close();
  }, 400_000);

  it('R38 R39: accepts an ignored invitation from the Ignored filter, and answers several at once', async () => {
    const rita = await suite.api.member('Rita Receiver');
    const sam = await suite.api.member('Sam Sender');
    const ignored = await suite.api.invite(sam, rita, { note: 'We met at the fair' });
    await ok(
      suite.api.as(rita).POST('/api/v1/invitations/{id}/ignore', {
        params: { path: { id: ignored.id } },
        body: {},
      }),
    );
    const others = [
      await suite.api.member('Pia Pending'),
      await suite.api.member('Pat Pending'),
      await suite.api.member('Poe Pending'),
    ];
    for (const other of others) await suite.api.invite(other, rita);
    const { context, page } = await suite.signIn(rita);

    await page.goto(RECEIVED);
    const status = page.getByRole('group', { name: 'Show received invitations that are' });
    await expect
      .poll(() => status.getByRole('button', { name: /Ignored/ }).textContent(), WAIT)
      .toBe('Ignored1');
    await status.getByRole('button', { name: /Ignored/ }).click();
    const kinds = page.getByRole('group', { name: 'Show received invitations for' });
    await kinds.getByRole('button', { name: /People/ }).click();
    const rows = page.getByRole('list', { name: 'Received invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    expect(await rows.first().textContent()).toContain('Ignored');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Accept invitation from ${sam.name}` }).click();
    await page.getByText('You and Sam are now connected.').waitFor();
    // The empty list says which of them it has none of, and offers the rest.
    await page.getByText('No ignored connection invitations').waitFor();
    await page.getByRole('button', { name: 'Show every ignored invitation' }).press('Enter');
    await page.getByText('No ignored invitations').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')))
      .toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^All/);
    const sent = await ok(suite.api.as(sam).GET('/api/v1/invitations/sent'));
    expect(sent.items).toEqual([]);
    const connections = await ok(suite.api.as(sam).GET('/api/v1/connections'));
    expect(connections.items.map((c) => c.member.handle)).toEqual([rita.handle]);

    await status.getByRole('button', { name: /Pending/ }).click();
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    // The two actions stand side by side at the bar's end.
    const [ignoreBox, acceptBox] = await Promise.all(
      ['Ignore selected', 'Accept selected'].map((name) =>
        page.getByRole('button', { name }).boundingBox(),
      ),
    );
    expect(acceptBox!.x - (ignoreBox!.x + ignoreBox!.width)).toBeLessThanOrEqual(16);
    await page.getByRole('button', { name: 'Accept selected' }).click();
    const accepting = page.getByRole('dialog', { name: 'Accept 3 invitations' });
    await accepting.getByText('You will be connected with these people.').waitFor();
    await accepting.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByText('3 invitations accepted.').waitFor();
    await page.getByText('No pending invitations').waitFor();
    const mine = await ok(suite.api.as(rita).GET('/api/v1/connections'));
    expect(mine.items).toHaveLength(4);
    await context.close();
  });

  it('R40: "Select all that match" and "Clear selection" hand the keyboard focus to each other’s place', async () => {
    const me = await suite.api.member('Sia Select');
    const { seeding } = suite;
    await seedInvitationsBulk(
      seeding,
      await memberRow(seeding, me.handle),
      await seedMembers(seeding, 150),
    );
    const { context, page } = await suite.signIn(me);
    await page.goto(SENT);
    const rows = page.getByRole('list', { name: 'Sent invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count(), WAIT).toBe(100);
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);

    await page.getByRole('button', { name: 'Select all 150 that match' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('All 150 invitations that match selected').waitFor();
    expect(await focused()).toBe('Clear selection');

    await page.keyboard.press('Enter');
    await page.getByText('0 selected').waitFor();
    const selectAll = page.getByRole('checkbox', { name: 'Select all' });
    expect(await selectAll.evaluate((box) => box === document.activeElement)).toBe(true);
    await context.close();
  });

  it('R39: answering by keyboard moves the focus on to the next invitation, never to the top of the page', async () => {
    const kim = await suite.api.member('Kim Keyboard');
    for (const name of ['Ana Early', 'Ben Middle', 'Cal Latest']) {
      await suite.api.invite(await suite.api.member(name), kim);
    }
    const { context, page } = await suite.signIn(kim);
    await page.goto(RECEIVED);
    const rows = page.getByRole('list', { name: 'Received invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    const focusedName = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    // Sent in the same instant of the test clock, so read the order the list shows.
    const accepts = await rows
      .getByRole('button', { name: /^Accept invitation from / })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(accepts).toHaveLength(3);
    const [first, second, third] = accepts.map((label) =>
      label.replace('Accept invitation from ', ''),
    );

    await page.getByRole('button', { name: `Accept invitation from ${first}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`You and ${first?.split(' ')[0]} are now connected.`).waitFor();
    await expect.poll(focusedName, WAIT).toBe(`Accept invitation from ${second}`);

    await page.getByRole('button', { name: `Ignore invitation from ${second}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Invitation from ${second?.split(' ')[0]} ignored.`).waitFor();
    await expect.poll(focusedName, WAIT).toBe(`Accept invitation from ${third}`);
    await expect.poll(() => rows.count(), WAIT).toBe(1);

    // The last one answered, the focus goes to the panel the list was in.
    await page.keyboard.press('Enter');
    await page.getByText('No pending invitations').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'tabpanel',
    );
    await context.close();
  });

  it('R18: the stale preview names five kept invitations and counts the rest, its buttons in view on a phone', async () => {
    const me = await suite.api.member('Pia Pinned');
    const { seeding } = suite;
    const invitations = await seedInvitationsBulk(
      seeding,
      await memberRow(seeding, me.handle),
      await seedMembers(seeding, 30),
    );
    await suite.api.advanceDays(15);
    for (const invitation of invitations.slice(0, 12)) {
      await ok(
        suite.api.as(me).PUT('/api/v1/invitations/{id}/keep', {
          params: { path: { id: invitation.id } },
        }),
      );
    }
    const { context, page } = await suite.signIn(me, { viewport: PHONE });
    await page.goto(SENT);
    await page.getByRole('button', { name: 'Withdraw all older than 2 weeks' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByText(/invitations you kept stay/).textContent(), WAIT)
      .toMatch(/^12 invitations you kept stay: [^,]+(, [^,]+){4} and 7 more\.$/);
    // Focus starts on Cancel: it and Withdraw are on the screen as the dialog opens.
    for (const name of ['Cancel', 'Withdraw 18 invitations']) {
      const box = await dialog.getByRole('button', { name }).boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    }
    await context.close();
  });

  it('R40: Shift+Tab from the top of 2,000 loaded connections leaves the page without laying out each row', async () => {
    const me = await suite.api.member('Cora Connected');
    const { seeding } = suite;
    await connectAll(
      seeding,
      await memberRow(seeding, me.handle),
      await seedMembers(seeding, 2_000),
    );
    const { context, page } = await suite.signIn(me);
    await page.goto('/connections');
    await page.getByRole('button', { name: 'Show more connections' }).waitFor(WAIT);
    const rows = page.getByRole('main').locator('.rows > li');
    await showEverything(page, rows, 'Show more connections', 'All 2,000 shown');
    // Rows the window had scrolled past were once each laid out on their own here, one after
    // another: half a minute of a frozen page for a member with 4,000 connections.
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await skip.focus();
    expect(await layoutsDuring(page, () => page.keyboard.press('Shift+Tab'))).toBeLessThan(30);
    await skip.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toMatch(/^More options for /);
    await context.close();
  }, 300_000);

  it('R40: Sent and Received with long lists fit a 375-px screen with no serious axe violation', async () => {
    const me = await suite.api.member('Phil Phone');
    const { seeding } = suite;
    const row = await memberRow(seeding, me.handle);
    await seedInvitationsBulk(seeding, row, await seedMembers(seeding, 250));
    for (const sender of await seedMembers(seeding, 150)) {
      await seedInvitationsBulk(seeding, sender, [row]);
    }

    for (const viewport of [PHONE, DESKTOP]) {
      const { context, page } = await suite.signIn(me, { viewport });
      const size = viewport === PHONE ? 'phone' : 'desktop';
      for (const [tab, url] of [
        ['sent', SENT],
        ['received', RECEIVED],
      ] as const) {
        await page.goto(url);
        await page.getByRole('button', { name: 'Show more invitations' }).waitFor();
        // Axe has read both tabs on a desktop above; here it reads them on a phone.
        if (viewport === PHONE) {
          await expectFitsPhone(page);
          expect(await seriousViolations(page)).toEqual([]);
        }
        await shoot(page, `${tab}-long-${size}`, false);
      }
      await context.close();
    }
  }, 500_000);
});
