import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Member, ok } from './helpers/api.js';
import { endUndoWindow, holdRequests, longDate, textsOf } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

const SENT = '/mynetwork/invitation-manager/sent';

function withdrawRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/invitations\/.*withdraw$/.test(request.url())) {
      seen.push(request.url());
    }
  });
  return seen;
}

/** The Withdraw button on the row of the invitation to `who`. */
function withdrawButton(page: Page, who: Member) {
  return page.getByRole('button', { name: `Withdraw invitation to ${who.name}` });
}

/** Withdraws the invitation to `who` through its dialog; its row leaves while the Undo waits. */
async function withdrawThroughDialog(page: Page, who: Member): Promise<void> {
  await withdrawButton(page, who).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Withdraw', exact: true }).click();
  await withdrawButton(page, who).waitFor({ state: 'detached' });
}

describe('Manage invitations — Sent', () => {
  const suite = setupSuite();
  let n = 0;
  // Handles are made of a name's letters, so each member's name ends in letters of its own.
  const letter = (i: number) => String.fromCharCode(97 + (i % 26));
  const member = (name: string) => {
    const i = n++;
    return suite.api.member(`${name} ${letter(Math.floor(i / 26))}${letter(i)}x`);
  };

  async function received(recipient: Member, sender: Member): Promise<number> {
    const { items } = await suite.api.received(recipient);
    return items.filter((item) => item.sender.handle === sender.handle).length;
  }

  it('shows All first, then People, Pages and Events chips with counts (R23, R40)', async () => {
    const me = await member('Filter');
    await suite.api.invite(me, await member('One'));
    await suite.api.invite(me, await member('Two'));
    const { context, page } = await suite.signIn(me);

    await page.goto(SENT);
    const chips = page.getByRole('group', { name: 'Show sent invitations for' });
    const all = chips.getByRole('button', { name: /All/ });
    await expect.poll(() => all.textContent()).toBe('All2');
    expect(await all.getAttribute('aria-pressed')).toBe('true');
    const people = chips.getByRole('button', { name: /People/ });
    expect(await people.textContent()).toBe('People2');
    expect(await people.getAttribute('aria-pressed')).toBe('false');
    expect(await chips.getByRole('button', { name: /Pages/ }).textContent()).toBe('Pages0');
    expect(await chips.getByRole('button', { name: /Events/ }).textContent()).toBe('Events0');
    const rows = page.getByRole('list', { name: 'Sent invitations' }).getByRole('listitem');
    // The chips' counts and the list are fetched apart.
    await expect.poll(() => rows.count()).toBe(2);
    // The search, the age filter and the sort stand in one line, labels and controls alike.
    const tops = await page
      .locator('.list-filters label, .list-filters input, .list-filters select')
      .evaluateAll((elements) =>
        elements.map((e) => `${e.tagName} ${Math.round(e.getBoundingClientRect().top)}`),
      );
    const lines = (tags: string[]) =>
      new Set(tops.filter((t) => tags.includes(t.split(' ')[0] ?? '')).map((t) => t.split(' ')[1]));
    expect(tops.length).toBeGreaterThanOrEqual(6);
    expect([lines(['LABEL']).size, lines(['INPUT', 'SELECT']).size]).toEqual([1, 1]);

    await chips.getByRole('button', { name: /Pages/ }).click();
    await page.getByText('No pending page invitations').waitFor();
    expect(page.url()).toContain('kind=page');
    await chips.getByRole('button', { name: /People/ }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await context.close();
  });

  it('R40: a Sent search in the address fills the list’s search, not the people search at the top', async () => {
    const me = await member('Addressed');
    await suite.api.invite(me, await member('Ana Linked'));
    const { context, page } = await suite.signIn(me);
    await page.goto(`${SENT}?q=ana`);
    await expect.poll(() => page.getByLabel('Search by name').inputValue()).toBe('ana');
    expect(await page.getByRole('searchbox', { name: 'Search people' }).inputValue()).toBe('');
    await context.close();
  });

  it('withdraws through the dialog with the exact resend date, then the recipient no longer sees it (R14–R16)', async () => {
    const me = await member('Withdrawer');
    const bea = await suite.api.member('Bea Recipient', { headline: 'Data engineer at Globex' });
    await suite.api.invite(me, bea);
    const [sent] = (await suite.api.sent(me)).items;
    const now = await suite.api.serverNow();
    const { context, page } = await suite.signIn(me);
    const requests = withdrawRequests(page);

    await page.goto(SENT);
    const row = page.getByRole('listitem').filter({ hasText: 'Bea Recipient' });
    const sentTime = row.locator('time');
    await sentTime.waitFor();
    expect(await sentTime.getAttribute('datetime')).toBe(sent!.sentAt);
    expect(await sentTime.getAttribute('title')).toBeTruthy();

    await row.getByRole('button', { name: 'Withdraw invitation to Bea Recipient' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw invitation' });
    await dialog.waitFor();
    const expected = longDate(new Date(now.getTime() + 21 * 86_400_000));
    expect(longDate(sent!.resendAvailableAt)).toBe(expected);
    expect(await dialog.locator('p').first().textContent()).toBe(
      `If you withdraw now, you won't be able to resend to Bea Recipient until ${expected}.`,
    );

    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo', exact: true }).waitFor();
    expect(requests).toHaveLength(0);
    expect(await received(bea, me)).toBe(1);

    const withdrawn = page.waitForResponse((r) => /\/withdraw$/.test(r.url()) && r.ok());
    await endUndoWindow(page);
    await withdrawn;
    expect(requests).toHaveLength(1);
    expect(await received(bea, me)).toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).waitFor({ state: 'detached' });
    expect(await page.getByText('Bea Recipient').count()).toBe(0);
    await context.close();
  });

  it('Undo brings the invitation back, sends nothing and puts the keyboard back on its row', async () => {
    const me = await member('Undoer');
    const cal = await member('Cal Kept');
    await suite.api.invite(me, cal);
    // Sent after Cal's, so listed above it: the top of the list is not where the member was.
    await suite.api.invite(me, await member('Newer Invitee'));
    const { context, page } = await suite.signIn(me);
    const requests = withdrawRequests(page);

    await page.goto(SENT);
    const withdraw = withdrawButton(page, cal);
    await withdraw.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw', exact: true }).click();
    await withdraw.waitFor({ state: 'detached' });
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect
      .poll(() => undo.evaluate((button) => button === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    await withdraw.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Withdraw invitation to ${cal.name}`);
    await endUndoWindow(page);
    expect(requests).toHaveLength(0);
    expect(await received(cal, me)).toBe(1);
    expect(await withdraw.count()).toBe(1);
    await context.close();
  });

  it('Ctrl+Z takes back the newest waiting withdrawal wherever the focus is, but not in a field', async () => {
    const me = await member('Keyboard Undoer');
    const [ada, ben] = [await member('Ada Undone'), await member('Ben Undone')];
    for (const invitee of [ada, ben]) await suite.api.invite(me, invitee);
    const { context, page } = await suite.signIn(me);
    const requests = withdrawRequests(page);
    await page.goto(SENT);
    for (const invitee of [ada, ben]) await withdrawThroughDialog(page, invitee);
    const undo = page.getByRole('button', { name: 'Undo', exact: true }).last();
    expect(await undo.getAttribute('aria-keyshortcuts')).toBe('Control+Z Meta+Z');

    // In the search field, Ctrl+Z undoes typing and leaves both withdrawals waiting.
    const search = page.getByLabel('Search by name');
    await search.focus();
    await page.keyboard.press('Control+z');
    expect(await withdrawButton(page, ben).count()).toBe(0);

    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+z');
    await withdrawButton(page, ben).waitFor();
    expect(await withdrawButton(page, ada).count()).toBe(0);
    await endUndoWindow(page);
    expect(requests).toHaveLength(1);
    expect(await received(ben, me)).toBe(1);
    await expect.poll(() => received(ada, me)).toBe(0);
    await context.close();
  });

  it('Ctrl+Z takes back a withdrawal on a Cyrillic layout, by the key in Z’s place', async () => {
    const me = await member('Layout Undoer');
    const ida = await member('Ida Undone');
    await suite.api.invite(me, ida);
    const { context, page } = await suite.signIn(me);
    const requests = withdrawRequests(page);
    await page.goto(SENT);
    await withdrawThroughDialog(page, ida);
    await page.getByRole('heading', { level: 1 }).click();
    // Chromium cannot switch the keyboard's layout, so the page gets the keys such a layout sends.
    const press = (key: string, code: string) =>
      page.evaluate(
        ([k, c]) =>
          document.body.dispatchEvent(
            new KeyboardEvent('keydown', { key: k, code: c, ctrlKey: true, bubbles: true }),
          ),
        [key, code],
      );

    // On AZERTY the key in Z's place types W: Ctrl+W there is no undo.
    await press('w', 'KeyZ');
    // Two frames: a row brought back would have rendered by then.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await withdrawButton(page, ida).count()).toBe(0);
    await press('я', 'KeyZ');
    await withdrawButton(page, ida).waitFor();
    await endUndoWindow(page);
    expect(requests).toHaveLength(0);
    expect(await received(ida, me)).toBe(1);
    await context.close();
  });

  it('while a withdrawal waits for its Undo, the tab and every chip count it as gone', async () => {
    const me = await member('Counter');
    for (const name of ['Ann', 'Ben', 'Cat']) await suite.api.invite(me, await member(name));
    const { context, page } = await suite.signIn(me);
    await page.goto(SENT);
    const chips = page.getByRole('group', { name: 'Show sent invitations for' });
    const shown = () =>
      textsOf(
        page.getByRole('tab', { name: /^Sent/ }),
        chips.getByRole('button', { name: /All/ }),
        chips.getByRole('button', { name: /People/ }),
      );
    await expect.poll(shown).toEqual(['Sent (3)', 'All3', 'People3']);

    await page.getByRole('button', { name: /^Withdraw invitation to Ann/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw', exact: true }).click();
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await undo.waitFor();
    expect(await shown()).toEqual(['Sent (2)', 'All2', 'People2']);
    await undo.click();
    await expect.poll(shown).toEqual(['Sent (3)', 'All3', 'People3']);
    await context.close();
  });

  it('leaving the page sends a waiting withdrawal at once', async () => {
    const me = await member('Leaver');
    const eli = await member('Eli Gone');
    await suite.api.invite(me, eli);
    const { context, page } = await suite.signIn(me);

    await page.goto(SENT);
    await withdrawThroughDialog(page, eli);
    await page.getByRole('button', { name: 'Undo', exact: true }).waitFor();
    const sentAt = Date.now();
    const withdrawn = page.waitForResponse((r) => /\/withdraw$/.test(r.url()) && r.ok());
    await page.getByRole('link', { name: 'My Network' }).click();
    await withdrawn;
    expect(Date.now() - sentAt).toBeLessThan(3000);
    expect(await received(eli, me)).toBe(0);
    await context.close();
  });

  it('selects several invitations and withdraws them together', async () => {
    const me = await member('Selector');
    const [a, b, c] = [await member('Ann'), await member('Ben'), await member('Cyd')];
    for (const to of [a, b, c]) await suite.api.invite(me, to);
    const { context, page } = await suite.signIn(me);

    await page.goto(SENT);
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    await page.getByRole('checkbox', { name: `Select invitation to ${a.name}` }).check();
    await page.getByRole('checkbox', { name: `Select invitation to ${b.name}` }).check();
    await page.getByRole('button', { name: 'Withdraw selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw 2 invitations' });
    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await page.getByText('2 invitations withdrawn.').waitFor();
    const withdrawn = page.waitForResponse(
      (r) => /\/invitations\/withdraw$/.test(r.url()) && r.ok(),
    );
    await endUndoWindow(page);
    await withdrawn;
    expect(await received(a, me)).toBe(0);
    expect(await received(b, me)).toBe(0);
    expect(await received(c, me)).toBe(1);
    await context.close();
  });

  it('R18: a kept invitation cannot be selected, and "Select all N that match" counts what will go', async () => {
    const me = await member('Keeper');
    const people = [await member('Kim Kept'), await member('Lou Going'), await member('Max Going')];
    const [kim] = people;
    const invitations = [];
    for (const to of people) invitations.push(await suite.api.invite(me, to));
    await ok(
      suite.api.as(me).PUT('/api/v1/invitations/{id}/keep', {
        params: { path: { id: invitations[0]!.id } },
      }),
    );
    const { context, page } = await suite.signIn(me);

    await page.goto(`${SENT}?order=oldest`);
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    const kimBox = page.getByRole('checkbox', { name: `Select invitation to ${kim!.name}` });
    expect(await kimBox.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    const bar = page.locator('.selection-bar');
    // What the selection leaves out is said beside its count, not only on the greyed box's hover.
    await bar.getByText('2 selected · 1 kept invitation not selected').waitFor();
    expect(await kimBox.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Withdraw selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw 2 invitations' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Keeping a selected invitation takes it out of the selection.
    const [, lou] = people;
    await page.getByRole('button', { name: `Keep invitation to ${lou!.name}` }).click();
    await bar.getByText('1 selected · 2 kept invitations not selected').waitFor();
    const louBox = page.getByRole('checkbox', { name: `Select invitation to ${lou!.name}` });
    expect([await louBox.isChecked(), await louBox.isDisabled()]).toEqual([false, true]);
    await page.getByRole('button', { name: 'Withdraw selected' }).click();
    await page.getByRole('dialog', { name: 'Withdraw 1 invitation' }).waitFor();
    await context.close();
  });

  it('once a withdrawal’s toast ends by itself, the keyboard is on the next row’s Withdraw, not the list’s first', async () => {
    const me = await member('Placekeeper');
    const [older, middle, newer] = [
      await member('Ola Older'),
      await member('Mia Middle'),
      await member('Nia Newer'),
    ];
    // Newest first: Nia, then Mia, then Ola.
    for (const other of [older, middle, newer]) await suite.api.invite(me, other);
    const { context, page } = await suite.signIn(me);
    const focusedLabel = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

    await page.goto(SENT);
    const withdraw = withdrawButton(page, middle);
    await withdraw.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw', exact: true }).click();
    await withdraw.waitFor({ state: 'detached' });
    const withdrawn = page.waitForResponse((r) => /\/withdraw$/.test(r.url()) && r.ok());
    await endUndoWindow(page);
    await withdrawn;
    await expect.poll(focusedLabel).toBe(`Withdraw invitation to ${older.name}`);
    await context.close();
  });

  it('withdraws with the keyboard only, with focus moving into the dialog and back', async () => {
    const me = await member('Keyboard');
    const dan = await member('Dan Keys');
    await suite.api.invite(me, dan);
    const { context, page } = await suite.signIn(me);
    const label = `Withdraw invitation to ${dan.name}`;
    const focusedLabel = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

    await page.goto(SENT);
    await page.getByRole('button', { name: label }).waitFor();
    for (let i = 0; i < 40 && (await focusedLabel()) !== label; i++)
      await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe(label);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Withdraw invitation' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedLabel()).toBe(label);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    for (let i = 0; i < 5; i++) {
      const text = await page.evaluate(() => document.activeElement?.textContent);
      if (text === 'Withdraw') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: label }).waitFor({ state: 'detached' });
    // Focus moves on in the frame after the row goes; it must land in the list, not on the page.
    await page.waitForFunction(() => document.activeElement !== document.body, null, {
      timeout: 2000,
    });
    const withdrawn = page.waitForResponse((r) => /\/withdraw$/.test(r.url()) && r.ok());
    await endUndoWindow(page);
    await withdrawn;
    expect(await received(dan, me)).toBe(0);
    await context.close();
  });

  it('keeps and unkeeps an invitation with the keyboard, the focus staying on Keep, busy only while it saves', async () => {
    const me = await member('Keeper');
    const kit = await member('Kit Kept');
    const invitation = await suite.api.invite(me, kit);
    const { context, page } = await suite.signIn(me);
    const keep = page.getByRole('button', { name: `Keep invitation to ${kit.name}` });
    const isKept = async () =>
      (await suite.api.sent(me)).items.find((item) => item.id === invitation.id)?.kept;
    // Pressed, and busy: a button that is not busy carries no aria-disabled at all.
    const keepState = async () =>
      [
        await keep.getAttribute('aria-pressed'),
        (await keep.getAttribute('aria-disabled')) === 'true',
      ].join();

    await page.goto(SENT);
    await keep.waitFor();
    // The list is read again after each change; held here, it shows the button does not wait
    // for that read, which for a busy member covers every page loaded so far.
    const rereads = await holdRequests(page, 'GET', /\/api\/v1\/invitations\/sent\?/);
    await keep.focus();
    await page.keyboard.press('Enter');
    await expect.poll(keepState).toBe('true,false');
    await expect.poll(() => rereads.length).toBeGreaterThan(0);
    expect(await isKept()).toBe(true);
    expect(await keep.evaluate((button) => button === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(keepState).toBe('false,false');
    expect(await isKept()).toBe(false);
    expect(await keep.evaluate((button) => button === document.activeElement)).toBe(true);

    for (const reread of rereads) await reread.continue();
    await page.getByText(`Your invitation to ${kit.name} is no longer kept.`).waitFor();
    await expect.poll(keepState).toBe('false,false');
    await context.close();
  });

  it('withdraws all invitations older than 2 weeks after a preview, keeping pinned ones (R18)', async () => {
    const me = await member('Tidy');
    const [old1, old2, pinned, fresh] = [
      await member('Old One'),
      await member('Old Two'),
      await member('Pinned'),
      await member('Fresh'),
    ];
    await suite.api.invite(me, old1);
    await suite.api.invite(me, old2);
    const pin = await suite.api.invite(me, pinned);
    await ok(
      suite.api.as(me).PUT('/api/v1/invitations/{id}/keep', { params: { path: { id: pin.id } } }),
    );
    await suite.api.advanceDays(15);
    await suite.api.invite(me, fresh);
    const { context, page } = await suite.signIn(me);

    await page.goto('/mynetwork');
    await page.getByRole('link', { name: 'Review and withdraw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw invitations older than 2 weeks' });
    const preview = dialog.getByRole('list', { name: 'Invitations that will be withdrawn' });
    await preview.waitFor();
    const previewText = await preview.textContent();
    expect(previewText).toContain(old1.name);
    expect(previewText).toContain(old2.name);
    expect(previewText).not.toContain(pinned.name);
    expect(previewText).not.toContain(fresh.name);
    await dialog.getByText(`1 invitation you kept stays: ${pinned.name}.`).waitFor();
    expect(await received(old1, me)).toBe(1);

    const withdrawn = page.waitForResponse(
      (r) =>
        /\/invitations\/withdraw$/.test(r.url()) &&
        !(r.request().postData() ?? '').includes('"dryRun":true') &&
        r.ok(),
    );
    await dialog.getByRole('button', { name: 'Withdraw 2 invitations' }).click();
    await page.getByText('2 invitations withdrawn.').waitFor();
    const rows = page.getByRole('list', { name: 'Sent invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    // Like any withdrawal it waits for its Undo window to end before it is sent.
    await endUndoWindow(page);
    await withdrawn;
    expect(await received(old1, me)).toBe(0);
    expect(await received(old2, me)).toBe(0);
    expect(await received(pinned, me)).toBe(1);
    expect(await received(fresh, me)).toBe(1);
    await context.close();
  });
});
