import { describe, expect, it } from 'vitest';
import { signedOut } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

/**
 * UX: a form that navigates when done takes the keyboard focus with it; the member goes on from
 * the new page's main region, not from the top of the document.
 */
describe('Focus after a form navigates', () => {
  const suite = setupSuite();

  it('signing in with the keyboard lands the focus on My Network, and Tab goes on inside it', async () => {
    const nina = await suite.api.member('Nina Navigate');
    const { context, page } = await signedOut(suite.browser, suite.api);

    await page.goto('/signin');
    await page.getByRole('textbox', { name: 'Email' }).fill(nina.email);
    await page.getByLabel('Password', { exact: true }).fill(nina.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My Network' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement)),
    ).toBe(true);
    await context.close();
  });

  it('/sign-in and /sign-up, spelled like the other account pages, and /login and /register lead to signing in and up', async () => {
    const sam = await suite.api.member('Sam Spelling');
    const { context, page } = await signedOut(suite.browser, suite.api);

    for (const address of ['/sign-up', '/register']) {
      await page.goto(address);
      await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/signup');
    }

    // Not sent there as an unknown page would be (/signin?next=%2Flogin), to come back to it.
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url())).toMatchObject({ pathname: '/signin', search: '' });

    await page.goto('/sign-in?next=%2Fnotifications');
    await page.getByRole('textbox', { name: 'Email' }).fill(sam.email);
    await page.getByLabel('Password', { exact: true }).fill(sam.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();

    // Signed in, the sign-in page under any name leads on instead of asking again.
    await page.goto('/login?next=%2Fconnections');
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/connections');
    await context.close();
  });

  it('a page opened by its address keeps the browser’s own focus', async () => {
    const olga = await suite.api.member('Olga Open');
    const { context, page } = await suite.signIn(olga);
    await page.goto('/mynetwork');
    await page.getByRole('heading', { level: 1, name: 'My Network' }).waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await context.close();
  });
});
