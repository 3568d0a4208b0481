import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { setupSuite } from './helpers/suite.js';

/** Each page's code arrives on its first visit; these hold it back or lose it on the way. */
describe('Pages fetched on their first visit', () => {
  const suite = setupSuite();
  const INSIGHTS_CODE = /\/assets\/InsightsPage-[^/]+\.js$/;
  const CONNECTIONS_CODE = /\/assets\/ConnectionsPage-[^/]+\.js$/;
  const SIGN_IN_CODE = /\/assets\/SignInPage-[^/]+\.js$/;

  it('shows the spinner inside the frame until the page’s code arrives, focus staying on the link', async () => {
    const me = await suite.api.member('Lena Lazy');
    const { context, page } = await suite.signIn(me);
    await page.goto('/mynetwork');
    await page.getByRole('heading', { level: 1, name: 'My Network' }).waitFor();
    const held: Route[] = [];
    await page.route(INSIGHTS_CODE, (route) => void held.push(route));

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Insights' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#main').getByRole('status').getByText('Loading…').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'My Network' }).count()).toBe(0);
    expect(await nav.isVisible()).toBe(true);

    await expect.poll(() => held.length).toBe(1);
    await held[0]!.continue();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Insights');
    await context.close();
  });

  it('asks who is signed in while the page’s code is on its way, not after it', async () => {
    const me = await suite.api.member('Pia Parallel');
    const { context, page } = await suite.signIn(me);
    const held: Route[] = [];
    await page.route('**/api/v1/me', (route) => void held.push(route));
    const code = page.waitForRequest(CONNECTIONS_CODE);

    await page.goto('/connections');
    await code;
    await expect.poll(() => held.length).toBe(1);
    await held[0]!.continue();
    await page.unroute('**/api/v1/me');
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    await context.close();
  });

  it('signing out lands on the sign-in page even when its code arrives after the session has gone', async () => {
    const me = await suite.api.member('Otto Out');
    const { context, page } = await suite.signIn(me);
    await page.goto('/mynetwork');
    await page.getByRole('heading', { level: 1, name: 'My Network' }).waitFor();
    const held: Route[] = [];
    await page.route(SIGN_IN_CODE, (route) => void held.push(route));
    const refused = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/me') && response.status() === 401,
    );

    await page.getByRole('button', { name: 'Me: Otto Out' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await refused;
    await expect.poll(() => held.length).toBe(1);
    await held[0]!.continue();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url())).toMatchObject({ pathname: '/signin', search: '' });
    await context.close();
  });

  it('says so inside the frame when the page’s code cannot be fetched, and Try again loads it', async () => {
    const me = await suite.api.member('Fay Fetch');
    const { context, page } = await suite.signIn(me);
    await page.goto('/mynetwork');
    await page.getByRole('heading', { level: 1, name: 'My Network' }).waitFor();
    await page.route(INSIGHTS_CODE, (route) => route.fulfill({ status: 404, body: '' }));

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Insights' }).click();
    const failure = page.locator('#main').getByRole('alert');
    await failure.getByText('Something went wrong. Please try again.').waitFor();
    expect(await nav.isVisible()).toBe(true);

    await page.unroute(INSIGHTS_CODE);
    await failure.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await context.close();
  });
});
