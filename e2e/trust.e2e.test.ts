import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase } from '../src/db/database.js';
import { newId } from '../src/lib/ids.js';
import { ok, type Member } from './helpers/api.js';
import { expectFitsPhone, gapBelow, PHONE, shoot } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';
import { Targets } from './helpers/targets.js';

/** Rules this instance sets apart from the defaults, so the web app must read them (R31). */
const RULES = {
  RAPPORT_NOTE_MAX_LENGTH: '120',
  RAPPORT_WEEKLY_INVITATION_LIMIT: '40',
  RAPPORT_EXPIRY_DAYS: '90',
};

/** Whether the element's middle is really shown there, not covered or cut off by a card. */
async function visibleAtItsMiddle(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    const inside =
      box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && hit !== null && element.contains(hit);
  }, selector);
}

describe('Trust in numbers and words', () => {
  const suite = setupSuite(RULES);
  const targets = () => new Targets(suite.api);

  it('R31 R4 R5: the Connect dialog shows the instance’s note limit and weekly quota, and never cuts a long note', async () => {
    const me = await suite.api.member('Nia Numbers');
    const bea = await suite.api.member('Bea Limits');
    const { context, page } = await suite.signIn(me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite Bea Limits to connect' });
    await dialog.getByText('0/120').waitFor();
    await dialog.getByText('40 of 40 invitations left this week').waitFor();

    const note = 'x'.repeat(125);
    const field = dialog.getByRole('textbox', { name: 'Add a note (optional)' });
    await field.fill(note);
    await dialog.getByText('5 characters too many: shorten your note to send it').waitFor();
    expect(await field.inputValue()).toBe(note);
    await shoot(page, 'trust-connect-note-too-long', false);
    const send = dialog.getByRole('button', { name: 'Send invitation' });
    expect(await send.isDisabled()).toBe(true);
    // Disabled, and nothing saying otherwise to a screen reader.
    expect(await send.getAttribute('aria-disabled')).toBeNull();

    await field.fill('x'.repeat(120));
    await dialog.getByText('120/120').waitFor();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'detached' });
    const quotas = await ok(suite.api.as(me).GET('/api/v1/me/quotas'));
    expect(quotas.weekly).toMatchObject({ limit: 40, remaining: 39 });

    await page.goto('/settings');
    await page.getByRole('checkbox', { name: /Withdraw my invitations automatically/ }).check();
    await page.getByText('A number of days between 1 and 90.').waitFor();
    await context.close();
  });

  it('R5: with this week’s invitations all sent, people you may know and the profile offer no Connect, and say when the quota renews', async () => {
    const me = await suite.api.member('Quinn Quota');
    const friend = await suite.api.member('Fred Friend');
    const suggested = await suite.api.member('Sue Suggested');
    await suite.api.connect(me, friend);
    await suite.api.connect(friend, suggested);
    // Handles take letters only: "Ivo Ab", "Ivo Bb", …
    const letter = (n: number) => String.fromCharCode(97 + n);
    const invited = await Promise.all(
      Array.from({ length: 39 }, (_, i) =>
        suite.api.member(`Ivo ${letter(i % 26).toUpperCase()}${letter(1 + Math.floor(i / 26))}`),
      ),
    );
    for (const other of invited) await suite.api.invite(me, other);
    const quotas = await ok(suite.api.as(me).GET('/api/v1/me/quotas'));
    expect(quotas.weekly).toMatchObject({ limit: 40, remaining: 0 });
    const { context, page } = await suite.signIn(me);

    await page.goto('/mynetwork');
    const connect = page.getByRole('button', { name: 'Connect with Sue Suggested' });
    await connect.waitFor();
    expect(await connect.isDisabled()).toBe(true);
    const reason = page.locator('#pymk-quota');
    expect(await reason.textContent()).toMatch(/^0 of 40 invitations left this week · renews /);
    expect(await connect.getAttribute('aria-describedby')).toBe('pymk-quota');

    await page.goto(`/in/${suggested.handle}`);
    const onProfile = page.getByRole('button', { name: 'Connect', exact: true });
    await onProfile.waitFor();
    expect(await onProfile.isDisabled()).toBe(true);
    await context.close();
  });

  it('R18: turning on automatic withdrawal first shows what it would withdraw now, and asks once', async () => {
    const me = await suite.api.member('Aria Auto');
    const [old, pinned] = [
      await suite.api.member('Olga Old'),
      await suite.api.member('Pia Pinned'),
    ];
    await suite.api.invite(me, old);
    const pin = await suite.api.invite(me, pinned);
    await ok(
      suite.api.as(me).PUT('/api/v1/invitations/{id}/keep', { params: { path: { id: pin.id } } }),
    );
    await suite.api.advanceDays(20);
    const stale = await ok(suite.api.as(me).GET('/api/v1/invitations/sent/count'));
    expect(stale.stale).toBe(1);
    const { context, page } = await suite.signIn(me);

    await page.goto('/mynetwork');
    await page
      .getByRole('region', { name: 'You have 1 invitation waiting more than 2 weeks' })
      .waitFor();

    await page.goto('/settings');
    await page.getByRole('checkbox', { name: /Withdraw my invitations automatically/ }).check();
    await page
      .getByRole('spinbutton', { name: 'After this many days without an answer' })
      .fill('14');
    await page.getByRole('button', { name: 'Save clean-up setting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw invitations after 2 weeks' });
    await dialog.getByText(/This will withdraw 1 invitation now/).waitFor();
    const list = await dialog
      .getByRole('list', { name: 'Invitations that will be withdrawn' })
      .textContent();
    expect(list).toContain(old.name);
    expect(list).not.toContain(pinned.name);
    await dialog.getByText(/1 invitation you kept stays/).waitFor();
    await shoot(page, 'trust-auto-withdraw-preview', false);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await ok(suite.api.as(me).GET('/api/v1/settings'))).autoWithdrawAfterDays).toBeNull();
    // The form keeps the member's choice to change or save again, and says it is not saved.
    const unsaved = page.getByText('Not saved yet');
    await unsaved.waitFor();
    // Focus goes back to the button that opened the preview, not to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Save clean-up setting',
    );

    // Confirmed, it waits out the same Undo window as any withdrawal: the keyboard is on Undo.
    await page.getByRole('button', { name: 'Save clean-up setting' }).click();
    await dialog.getByRole('button', { name: 'Withdraw 1 invitation and save' }).click();
    const toast = page.getByText('1 invitation withdrawn; automatic clean-up after 14 days is on.');
    await toast.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await toast.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Save clean-up setting',
    );
    expect((await ok(suite.api.as(me).GET('/api/v1/settings'))).autoWithdrawAfterDays).toBeNull();
    expect((await ok(suite.api.as(me).GET('/api/v1/invitations/sent/count'))).stale).toBe(1);
    await unsaved.waitFor();

    await page.getByRole('button', { name: 'Save clean-up setting' }).click();
    await dialog.getByRole('button', { name: 'Withdraw 1 invitation and save' }).click();
    await toast.waitFor();
    await page.getByText('Settings saved.').waitFor({ timeout: 15_000 });
    expect((await ok(suite.api.as(me).GET('/api/v1/settings'))).autoWithdrawAfterDays).toBe(14);
    await unsaved.waitFor({ state: 'detached' });
    await context.close();
  });

  it('R21 R22: page and event invitations are named in notifications, which look unread and open their subject', async () => {
    const ada = await suite.api.member('Ada Admin');
    const me = await suite.api.member('Noa Notified');
    await suite.api.connect(ada, me);
    const acme = await targets().createPage(ada, 'Acme Robotics');
    const breakfast = await targets().createEvent(ada, 'Product breakfast', 10, 'Berlin');
    await targets().invitePage(ada, acme.id, [me]);
    await targets().inviteEvent(ada, breakfast.id, [me]);
    // The page's clock is the server's; ten days on may be next year, which the day then names.
    const startsAt = new Date(breakfast.startsAt);
    const nextYear = startsAt.getUTCFullYear() !== (await suite.api.serverNow()).getUTCFullYear();
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      ...(nextYear && { year: 'numeric' }),
      timeZone: 'UTC',
    }).format(startsAt);
    const { context, page } = await suite.signIn(me);

    await page.goto('/notifications');
    const toPage = page.getByRole('link', {
      name: 'Unread: Ada Admin invited you to follow the page Acme Robotics.',
    });
    await toPage.waitFor();
    await page
      .getByRole('link', {
        name: `Unread: Ada Admin invited you to the event Product breakfast on ${day}, Berlin.`,
      })
      .waitFor();
    expect(await page.locator('li.notification.is-unread').count()).toBe(3);
    // The top bar's link says how many are unread, in one name a screen reader reads as written.
    await page.getByRole('link', { name: 'Notifications (3 unread)', exact: true }).waitFor();
    await shoot(page, 'trust-notifications-desktop');
    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    await shoot(page, 'trust-notifications-phone');

    await toPage.click();
    await page.waitForURL(`**/pages/${acme.id}`);
    await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
    await expect
      .poll(async () => (await ok(suite.api.as(me).GET('/api/v1/notifications'))).unread)
      .toBe(2);

    await page.goto('/mynetwork/invitation-manager/received');
    await page.getByText(`Invited you to Product breakfast · ${day}, Berlin`).waitFor();
    await context.close();
  });

  it('badges cap at 99+, shown on one line on a desktop and a phone, and say the exact number to screen readers', async () => {
    const me = await suite.api.member('Ula Unread');
    await seedNotifications(me, 120);
    const { context, page } = await suite.signIn(me);

    await page.goto('/mynetwork');
    const link = page.getByRole('link', { name: 'Notifications (120 unread)', exact: true });
    await link.waitFor();
    const badge = link.locator('.badge');
    expect(await badge.textContent()).toBe('99+');
    // A "+" wrapped under the badge would be white on the white bar: there but unseen.
    const fitsItsBox = () =>
      badge.evaluate((element) => element.scrollHeight <= element.clientHeight);
    expect(await fitsItsBox()).toBe(true);
    await page.setViewportSize(PHONE);
    expect(await fitsItsBox()).toBe(true);
    await context.close();
  });

  it('"Mark all as read" by keyboard leaves the focus on the page’s heading when it goes away', async () => {
    const me = await suite.api.member('Mo Marker');
    await seedNotifications(me, 3);
    const { context, page } = await suite.signIn(me);

    await page.goto('/notifications');
    await page.getByRole('button', { name: 'Mark all as read' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Mark all as read' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Notifications');
    expect((await ok(suite.api.as(me).GET('/api/v1/notifications'))).unread).toBe(0);
    await context.close();
  });

  it('edits your own profile from your profile page and from the Me menu', async () => {
    const me = await suite.api.member('Eda Editor');
    const { context, page } = await suite.signIn(me, { viewport: PHONE });

    await page.goto(`/in/${me.handle}`);
    // The line under the buttons stands clear of them.
    expect(
      await gapBelow(
        page.locator('.profile-actions'),
        page.getByText('This is how others see your profile.'),
      ),
    ).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit profile' });
    // Each field is named by its own label, the profile's heading behind the dialog by its own.
    expect(await dialog.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe(
      'Eda Editor',
    );
    await dialog.getByRole('textbox', { name: 'Headline' }).fill('Data engineer at Globex');
    await dialog.getByRole('textbox', { name: 'Location' }).fill('Lisbon');
    await shoot(page, 'trust-edit-profile-phone', false);
    await dialog.getByRole('button', { name: 'Save profile' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Data engineer at Globex').waitFor();
    await page.getByText('Lisbon').waitFor();
    const saved = await ok(suite.api.as(me).GET('/api/v1/me'));
    expect(saved).toMatchObject({ headline: 'Data engineer at Globex', location: 'Lisbon' });
    await expectFitsPhone(page);

    await page.goto('/mynetwork');
    await page.getByRole('button', { name: 'Me: Eda Editor' }).click();
    await page.getByRole('menuitem', { name: 'Edit profile' }).click();
    await page.getByRole('dialog', { name: 'Edit profile' }).waitFor();
    await context.close();
  });

  it('R25: Edit profile changes the email with the password, and a refused change saves nothing', async () => {
    const me = await suite.api.member('Emil Mover');
    const { context, page } = await suite.signIn(me);
    const newEmail = `emil-moved-${newId(new Date())}@example.test`.toLowerCase();

    await page.goto(`/in/${me.handle}`);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit profile' });
    const email = dialog.getByRole('textbox', { name: 'Email' });
    await expect.poll(() => email.inputValue()).toBe(me.email);
    await dialog.getByRole('textbox', { name: 'Headline' }).fill('Moving on');
    await email.fill(newEmail);
    const password = dialog.getByLabel('Your password');
    const save = dialog.getByRole('button', { name: 'Save profile' });
    expect(await save.isDisabled()).toBe(true);

    await password.fill('not my password');
    await save.click();
    await dialog.getByText("That password isn't right.").waitFor();
    expect(await ok(suite.api.as(me).GET('/api/v1/me'))).toMatchObject({
      email: me.email,
      headline: '',
    });

    await password.fill(me.password);
    await save.click();
    await page
      .getByText(
        `Your profile was saved. We sent a link to ${newEmail}: follow it to verify the address.`,
      )
      .waitFor();
    expect(await ok(suite.api.as(me).GET('/api/v1/me'))).toMatchObject({
      email: newEmail,
      emailVerified: false,
      headline: 'Moving on',
    });
    await context.close();
  });

  it('R8: imports contacts from pasted addresses and from a file, and says how many it imported', async () => {
    const me = await suite.api.member('Cid Contacts');
    const { context, page } = await suite.signIn(me);

    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Contacts' });
    await section
      .getByRole('textbox', { name: 'Or paste addresses' })
      .fill('ann@example.org, not-an-address\nben@example.org; ann@example.org');
    await section.getByRole('button', { name: 'Import contacts' }).click();
    await section
      .getByText(
        'Imported 2 addresses into your contacts. 2 skipped: not a valid address, or a repeat.',
      )
      .waitFor();

    await section.getByLabel('Address book file (CSV with an email column)').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Email\nCat,cat@example.org\n'),
    });
    await section.getByRole('button', { name: 'Import contacts' }).click();
    await section.getByText('Imported 1 address into your contacts.').waitFor();
    await shoot(page, 'trust-settings-desktop');
    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    await shoot(page, 'trust-settings-phone');

    const contacts = await ok(suite.api.as(me).GET('/api/v1/contacts'));
    expect(contacts.items.map((c) => c.email).sort()).toEqual([
      'ann@example.org',
      'ben@example.org',
      'cat@example.org',
    ]);
    await context.close();
  });

  it('menus open whole at 375 px, never clipped by their card', async () => {
    const me = await suite.api.member('Mo Menus');
    const bea = await suite.api.member('Bea Pending');
    await suite.api.invite(me, bea);
    const { context, page } = await suite.signIn(me, { viewport: PHONE });

    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('button', { name: 'Pending ▾' }).click();
    await page.getByRole('menuitem', { name: 'Withdraw invitation' }).waitFor();
    expect(await visibleAtItsMiddle(page, '.profile-card [role="menu"]')).toBe(true);
    await shoot(page, 'trust-profile-menu-phone', false);
    await page.keyboard.press('Escape');

    await page.goto('/mynetwork');
    await page.getByRole('button', { name: 'Me: Mo Menus' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
    expect(await visibleAtItsMiddle(page, '.topnav [role="menu"]')).toBe(true);
    await expectFitsPhone(page);
    await shoot(page, 'trust-mynetwork-phone');
    await context.close();
  });

  /** Unread notifications written straight into the server's database: a badge needs many. */
  async function seedNotifications(member: Member, count: number): Promise<void> {
    const database = openDatabase(suite.databaseUrl);
    try {
      const { id } = await database.db
        .selectFrom('members')
        .select('id')
        .where('handle', '=', member.handle)
        .executeTakeFirstOrThrow();
      const now = await suite.api.serverNow();
      await database.db
        .insertInto('notifications')
        .values(
          Array.from({ length: count }, () => ({
            id: newId(now),
            member_id: id,
            type: 'webhook_disabled' as const,
            actor_id: null,
            invitation_id: null,
            created_at: now.toISOString(),
            read_at: null,
          })),
        )
        .execute();
    } finally {
      await database.close();
    }
  }
});
