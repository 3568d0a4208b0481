import { describe, expect, it } from 'vitest';
import { setupSuite } from './helpers/suite.js';

describe('My Network', () => {
  const suite = setupSuite();

  it('accepts an invitation and updates "See all N" without a reload (R10, R23)', async () => {
    const ada = await suite.api.member('Ada Lovelace');
    const dee = await suite.api.member('Dee Incoming', { headline: 'Product lead at Acme' });
    const eve = await suite.api.member('Eve Second');
    const fay = await suite.api.member('Fay Third');
    await suite.api.invite(dee, ada, { note: 'We met at the meetup' });
    await suite.api.invite(eve, ada);
    await suite.api.invite(fay, ada);
    const { context, page } = await suite.signIn(ada);

    await page.goto('/mynetwork');
    await page.getByRole('link', { name: 'See all 3' }).waitFor();
    await page.getByText('We met at the meetup').waitFor();
    await page.getByText('Product lead at Acme').waitFor();

    await page.getByRole('button', { name: 'Accept invitation from Dee Incoming' }).click();
    await page.getByRole('link', { name: 'See all 2' }).waitFor();
    await page.getByText('You and Dee are now connected.').waitFor();
    const summary = page.getByRole('region', { name: 'Manage my network' });
    await expect
      .poll(() => summary.getByRole('link', { name: /Connections/ }).textContent())
      .toMatch(/Connections\s*1$/);
    // The list of invitations is fetched again apart from the counts waited for above.
    await expect
      .poll(() => page.getByRole('button', { name: 'Accept invitation from Dee Incoming' }).count())
      .toBe(0);

    await page.getByRole('link', { name: 'See all 2' }).click();
    await page.waitForURL('**/mynetwork/invitation-manager/received');
    const receivedTab = page.getByRole('tab', { name: 'Received (2)' });
    expect(await receivedTab.getAttribute('aria-selected')).toBe('true');
    const rows = page.getByRole('list', { name: 'Received invitations' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);

    const deeSent = await suite.api.sent(dee);
    expect(deeSent.items).toHaveLength(0);
    await context.close();
  });

  it('nudges about invitations waiting more than 2 weeks, and "Not now" hides it', async () => {
    const gus = await suite.api.member('Gus Sender');
    const hal = await suite.api.member('Hal Waiting');
    const ivy = await suite.api.member('Ivy Waiting');
    await suite.api.invite(gus, hal);
    await suite.api.invite(gus, ivy);
    await suite.api.advanceDays(15);
    const { context, page } = await suite.signIn(gus);

    await page.goto('/mynetwork');
    const nudge = page.getByRole('region', {
      name: 'You have 2 invitations waiting more than 2 weeks',
    });
    await nudge.waitFor();
    await nudge.getByRole('button', { name: 'Not now' }).click();
    await nudge.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('region', { name: 'People you may know' }).waitFor();
    expect(await nudge.count()).toBe(0);
    await context.close();
  });
});
