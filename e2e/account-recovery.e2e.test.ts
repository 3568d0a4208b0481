import { describe, expect, it } from 'vitest';
import { focusedText, signedOut } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

describe('Account recovery', () => {
  // Mail stays in the outbox, readable on the development mailbox.
  const suite = setupSuite({ RAPPORT_DEV_MAILBOX: '1' });

  it('R26: from the sign-in page, "Forgot password?", the link from the mailbox, a new password, then sign in with it', async () => {
    const rita = await suite.api.member('Rita Reset');
    const { context, page } = await signedOut(suite.browser, suite.api);

    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(rita.email);
    await page.keyboard.press('Enter');
    await page.getByText(`If an account exists for ${rita.email}`).waitFor();
    // The form leaves with the field the keyboard was in: the focus lands on the news instead.
    expect(await focusedText(page)).toMatch(/^If an account exists for /);

    await page.goto('/dev/mailbox');
    await page.getByRole('link', { name: 'Reset your Rapport password' }).click();
    const text = await page.locator('pre').innerText();
    // The mail's links use the configured public URL; this server listens on a port of its own.
    const link = new URL(/https?:\/\/\S+\/reset-password\?token=\S+/.exec(text)?.[0] ?? '');
    expect(link.pathname).toBe('/reset-password');

    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByText('At least 10 characters.', { exact: false }).waitFor();
    const newPassword = 'a fresh start 2026';
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Password changed' }).waitFor();

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill(rita.email);
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/mynetwork');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await context.close();
  });

  it('R27: a wrong current password is said at its field, which takes the focus, and goes once the next try is made', async () => {
    const paul = await suite.api.member('Paul Password');
    const { context, page } = await suite.signIn(paul);
    await page.goto('/settings');
    const current = page.getByLabel('Current password');
    const next = page.getByLabel('New password', { exact: true });
    const repeat = page.getByLabel('Repeat the new password');
    const submit = page.getByRole('button', { name: 'Change password' });

    await current.fill('not my password at all');
    await next.fill('a fresh start 2026');
    await repeat.fill('a fresh start 2026');
    await submit.click();
    await page.getByText("That password isn't right.").waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await current.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await current.evaluate((input) => input.getAttribute('aria-describedby'))).toBe(
      'account-current-password-hint',
    );

    await current.fill(paul.password);
    await repeat.fill('a fresh start 2027');
    await submit.click();
    await page.getByText('The two passwords are not the same.').waitFor();
    expect(await page.getByText("That password isn't right.").count()).toBe(0);
    await context.close();
  });
});

describe('An address not yet verified', () => {
  const suite = setupSuite({ RAPPORT_REQUIRE_VERIFIED_EMAIL: 'on', RAPPORT_DEV_MAILBOX: '1' });

  it('R25: Settings says invitations wait for the verification, and sends a new link from there', async () => {
    const vera = await suite.api.member('Vera Unverified');
    const { context, page } = await suite.signIn(vera);
    await page.goto('/settings');
    const status = page.getByRole('region', { name: 'Account status' });
    await status
      .getByText('Your email address is not verified yet, so you cannot send invitations.', {
        exact: false,
      })
      .waitFor();
    expect(await status.textContent()).not.toContain('good standing');
    await status.getByRole('button', { name: 'Send a new link' }).click();
    await status.getByText('We sent a new link. It works for 24 hours.').waitFor();
    await context.close();
  });

  it('R25: the weekly quota says invitations wait for the verification, not what is left', async () => {
    const vera = await suite.api.member('Vera Waiting');
    const { context, page } = await suite.signIn(vera);
    const waiting = 'You can send invitations once you verify your email address.';

    await page.goto('/mynetwork/invitation-manager/sent');
    await page.locator('.quota-line').getByText(waiting).waitFor();
    expect(await page.locator('.quota-line').textContent()).not.toMatch(/ left/);

    await page.goto('/mynetwork');
    const suggestions = page.getByRole('region', { name: 'People you may know' });
    await suggestions.getByText(waiting).waitFor();
    expect(await suggestions.textContent()).not.toMatch(/invitations left this week/);
    await context.close();
  });
});
