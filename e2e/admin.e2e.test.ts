import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { runCli } from '../test/jobs/child.js';
import { ok } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import {
  expectFitsPhone,
  focusedIsBusy,
  focusedName,
  gapBelow,
  holdRequests,
  PHONE,
} from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

/** What the elements `control` is described by (aria-describedby) read, as a screen reader hears. */
function accessibleDescription(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe('Admin', () => {
  const suite = setupSuite();

  it('an admin suspends a member from the Admin page and sees it in the audit log (R32)', async () => {
    const admin = await suite.api.member('Ada Admin');
    const spammer = await suite.api.member('Sam Spammer');
    const bea = await suite.api.member('Bea Recipient');
    await suite.api.invite(spammer, bea);
    const grant = runCli(['admin', 'grant', admin.handle], {
      RAPPORT_DATABASE_URL: suite.databaseUrl,
    });
    expect((await grant.exited).code, grant.output()).toBe(0);
    const { context, page } = await suite.signIn(admin);

    await page.goto('/mynetwork');
    await page.getByRole('button', { name: /^Me: / }).click();
    await page.getByRole('menuitem', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await page.getByRole('searchbox', { name: /Search members/ }).fill('sam');
    const members = page.getByRole('list', { name: 'Members' });
    await members.getByText('1 open sent invitation ·', { exact: false }).waitFor();
    // Nobody here has verified their email yet: Sam is listed as unverified, not as active.
    const statuses = page.getByRole('group', { name: 'Status' });
    await statuses.getByRole('button', { name: 'Active' }).click();
    await page.getByText('No active members match “sam”').waitFor();
    // The empty list offers the way back to everyone, and hands the keyboard to its chip.
    await page.getByRole('button', { name: 'Show every member that matches' }).press('Enter');
    await members.getByText('1 open sent invitation ·', { exact: false }).waitFor();
    expect(await focusedName(page)).toBe('Everyone');
    await statuses.getByRole('button', { name: 'Unverified' }).click();
    await members.getByText('Unverified · ', { exact: false }).waitFor();
    await statuses.getByRole('button', { name: 'Everyone' }).click();
    // The rows start clear of the chips, as far as they stand from one another.
    expect(await gapBelow(statuses, members.getByRole('listitem').first())).toBeGreaterThanOrEqual(
      12,
    );
    await members.getByRole('button', { name: 'Suspend Sam Spammer' }).click();

    const dialog = page.getByRole('dialog', { name: 'Suspend Sam Spammer?' });
    await dialog
      .getByText(
        'Sam Spammer will no longer be able to sign in, others will no longer find them, and their 1 open invitation will be withdrawn.',
      )
      .waitFor();
    // Disabled until there is a reason, the button says so to whoever reaches it.
    const confirm = dialog.getByRole('button', { name: 'Suspend', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await accessibleDescription(confirm)).toBe('Enter a reason to suspend Sam.');
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Mass invitations to strangers');
    expect(await confirm.getAttribute('aria-describedby')).toBeNull();
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Sam Spammer is suspended.').waitFor();
    await members.getByRole('button', { name: 'Unsuspend Sam Spammer' }).waitFor();
    // The Suspend button went with the change: the keyboard is on Sam's name, not the page's body.
    await expect.poll(() => focusedName(page)).toBe('Sam Spammer');

    await page.getByRole('tab', { name: 'Audit log' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/audit');
    const audit = page.getByRole('list', { name: 'Admin actions, newest first' });
    await audit.getByText('Ada Admin suspended Sam Spammer').waitFor();
    await audit.getByText('Reason: Mass invitations to strangers').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const received = await suite.api.received(bea);
    expect(received.items).toEqual([]);
    await expect(ok(suite.api.as(spammer).GET('/api/v1/me'))).rejects.toThrow(
      /403 .*account_suspended/,
    );
    await context.close();

    const phone = await suite.signIn(admin, { viewport: PHONE });
    await phone.page.goto('/admin/audit');
    await phone.page.getByText('Ada Admin suspended Sam Spammer').waitFor();
    await expectFitsPhone(phone.page);
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.context.close();

    // A member who is not an admin is told once, and the page asks the API for nothing of R32's.
    const member = await suite.signIn(bea);
    const adminRequests: string[] = [];
    member.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/admin'))
        adminRequests.push(request.url());
    });
    await member.page.goto('/admin');
    await member.page.getByText('This page is for admins').waitFor();
    expect(await member.page.getByRole('alert').count()).toBe(0);
    expect(adminRequests).toEqual([]);
    await member.context.close();
  });
});

describe('Admin, with every member listed', () => {
  const suite = setupSuite();

  it('R32: unsuspending shows in the member’s row at once, not once the whole list is read again', async () => {
    const admin = await suite.api.member('Ida Admin');
    const sam = await suite.api.member('Sam Suspended');
    const grant = runCli(['admin', 'grant', admin.handle], {
      RAPPORT_DATABASE_URL: suite.databaseUrl,
    });
    expect((await grant.exited).code, grant.output()).toBe(0);
    await ok(
      suite.api.as(admin).POST('/api/v1/admin/members/{handle}/suspend', {
        params: { path: { handle: sam.handle } },
        body: { reason: 'Spam' },
      }),
    );
    const { context, page } = await suite.signIn(admin);
    await page.goto('/admin');
    const unsuspend = page.getByRole('button', { name: 'Unsuspend Sam Suspended' });
    await unsuspend.waitFor();
    // The lists of everyone, read again page by page after the change: held, they stand for the
    // 200 pages of a list followed to its end. The member's own read, by search, goes through.
    const reads = await holdRequests(page, 'GET', /\/api\/v1\/admin\/members\?(?!q=)/);

    await unsuspend.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Sam Suspended is no longer suspended.').waitFor();
    await page.getByRole('button', { name: 'Suspend Sam Suspended', exact: true }).waitFor();
    await expect.poll(() => reads.length).toBeGreaterThan(0);
    expect(await focusedIsBusy(page)).toBe(false);
    await context.close();
  });
});

describe('Sign-up by invitation', () => {
  const suite = setupSuite({ RAPPORT_REGISTRATION: 'invite' });

  it('asks for an invite code and signs up with a valid one (R31)', async () => {
    await expect(suite.api.member('Ivy Inviter')).rejects.toThrow('invite_code_required');
    const made = runCli(['invite-codes', 'create', '--uses', '1'], {
      RAPPORT_DATABASE_URL: suite.databaseUrl,
    });
    expect((await made.exited).code, made.output()).toBe(0);
    const code = made.stdout().trim();

    const context = await suite.browser.newContext({ baseURL: suite.api.baseUrl });
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Nia Newcomer');
    await page.getByRole('textbox', { name: 'Email' }).fill('nia@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    const codeField = page.getByRole('textbox', { name: 'Invite code' });
    await codeField.fill('WRONGCODE');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('That invite code is unknown, used up or expired.').waitFor();
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/mynetwork**');
    await context.close();
  });
});

describe('Closed registration', () => {
  const suite = setupSuite({ RAPPORT_REGISTRATION: 'closed' });

  it('the sign-up page says registration is closed (R31)', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.api.baseUrl });
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByText('Registration is closed.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Create account' }).count()).toBe(0);
    await context.close();
  });
});
