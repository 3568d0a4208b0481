import { describe, expect, it } from 'vitest';
import { ok } from './helpers/api.js';
import { DESKTOP, focusedName, holdRequests, PHONE, textsOf } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';
import { Targets } from './helpers/targets.js';

describe('My Network', () => {
  const suite = setupSuite();

  it('"Manage my network" counts pages and upcoming events, each a link to its list (R21, R22)', async () => {
    const uma = await suite.api.member('Uma Summary');
    const targets = new Targets(suite.api);
    await targets.createPage(uma, 'Umbrella Works');
    await targets.createEvent(uma, 'Umbrella Open Day', 5);
    const { context, page } = await suite.signIn(uma);

    await page.goto('/mynetwork');
    const summary = page.getByRole('region', { name: 'Manage my network' });
    const pages = summary.getByRole('link', { name: /^Pages/ });
    const events = summary.getByRole('link', { name: /^Upcoming events/ });
    await expect.poll(() => pages.textContent()).toMatch(/Pages\s*1$/);
    expect(await events.textContent()).toMatch(/Upcoming events\s*1$/);
    await events.click();
    await page.getByText('Umbrella Open Day').waitFor();
    expect(new URL(page.url()).pathname).toBe('/events');
    await context.close();
  });

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

  it('Connect on a suggestion who takes invitations only with their address asks for it before sending (R8)', async () => {
    const me = await suite.api.member('Pia Polite');
    const hub = await suite.api.member('Hub Between');
    const lina = await suite.api.member('Lina Careful');
    await suite.api.connect(me, hub);
    await suite.api.connect(hub, lina);
    await ok(
      suite.api
        .as(lina)
        .PATCH('/api/v1/settings', { body: { invitationPolicy: 'email_or_contacts' } }),
    );
    const { context, page } = await suite.signIn(me);
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    });

    await page.goto('/mynetwork');
    await page.getByRole('button', { name: `Connect with ${lina.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Invite ${lina.name} to connect` });
    const address = dialog.getByLabel("Lina's email address");
    await address.waitFor();
    await address.fill(lina.email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to Lina.').waitFor();
    expect(refused).toEqual([]);
    expect((await suite.api.received(lina)).items).toHaveLength(1);
    await context.close();
  });

  it('after Connect on a suggestion, the keyboard goes on from the card that takes its place', async () => {
    const me = await suite.api.member('Kit Keyboard');
    const hub = await suite.api.member('Hub Mutual');
    const first = await suite.api.member('Sue First');
    const second = await suite.api.member('Sid Second');
    await suite.api.connect(me, hub);
    await suite.api.connect(hub, first);
    await suite.api.connect(hub, second);
    const { context, page } = await suite.signIn(me);

    await page.goto('/mynetwork');
    const region = page.getByRole('region', { name: 'People you may know' });
    const connects = region.getByRole('button', { name: /^Connect with / });
    await expect.poll(() => connects.count()).toBe(2);
    const [invited, staying] = await Promise.all([
      connects.nth(0).getAttribute('aria-label'),
      connects.nth(1).getAttribute('aria-label'),
    ]);
    await connects.nth(0).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Invite .* to connect$/ });
    await dialog.getByRole('button', { name: 'Send invitation' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await region.getByRole('button', { name: invited ?? '' }).waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(staying);
    await context.close();
  });

  it('on a phone only the newest news shows, so toasts never stack over the rows', async () => {
    const gil = await suite.api.member('Gil Phone');
    for (const name of ['Hal First', 'Ida Second'])
      await suite.api.invite(await suite.api.member(name), gil);
    const { context, page } = await suite.signIn(gil);
    await page.setViewportSize(PHONE);
    await page.goto('/mynetwork/invitation-manager/received');

    await page.getByRole('button', { name: 'Accept invitation from Hal First' }).click();
    await page.getByText('You and Hal are now connected.').waitFor();
    await page.getByRole('button', { name: 'Accept invitation from Ida Second' }).click();
    await page.getByText('You and Ida are now connected.').waitFor();
    const shown = page.locator('.toast:visible');
    expect(await shown.allTextContents()).toEqual([expect.stringContaining('You and Ida')]);
    // Both were announced; a desktop has the room to show both.
    expect(await page.locator('.toast').count()).toBe(2);
    await page.setViewportSize(DESKTOP);
    await expect.poll(() => shown.count()).toBe(2);
    await context.close();
  });

  it('nudges about invitations waiting more than 2 weeks, and "Not now" hides it', async () => {
    const gus = await suite.api.member('Gus Sender');
    const hal = await suite.api.member('Hal Waiting');
    const ivy = await suite.api.member('Ivy Waiting');
    const jan = await suite.api.member('Jan Sharing');
    await suite.api.invite(gus, hal);
    await suite.api.invite(gus, ivy);
    await suite.api.invite(jan, hal);
    await suite.api.advanceDays(15);
    const { context, page } = await suite.signIn(gus);

    await page.goto('/mynetwork');
    const nudge = page.getByRole('region', {
      name: 'You have 2 invitations waiting more than 2 weeks',
    });
    await nudge.waitFor();
    await nudge.getByRole('button', { name: 'Not now' }).focus();
    await page.keyboard.press('Enter');
    await nudge.waitFor({ state: 'detached' });
    // The keyboard goes on to what followed the nudge, not to the top of the page.
    await expect.poll(() => focusedName(page)).toBe('People you may know');
    await page.reload();
    await page.getByRole('region', { name: 'People you may know' }).waitFor();
    expect(await nudge.count()).toBe(0);

    // "Not now" was Gus's: Jan, signing in on the same browser, is still nudged.
    await page.getByRole('button', { name: 'Me: Gus Sender' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill(jan.email);
    await page.getByLabel('Password', { exact: true }).fill(jan.password);
    await page.keyboard.press('Enter');
    await page
      .getByRole('region', { name: 'You have 1 invitation waiting more than 2 weeks' })
      .waitFor();
    await context.close();
  });

  it('an answer on Received changes the tab and every chip with the row, before the counts are read again (R10, R38)', async () => {
    const ada = await suite.api.member('Ada Counted');
    const [dee, eve, fay] = [
      await suite.api.member('Dee Noted'),
      await suite.api.member('Eve Ignored'),
      await suite.api.member('Fay Waiting'),
    ];
    await suite.api.invite(dee, ada, { note: 'We met at the meetup' });
    for (const sender of [eve, fay]) await suite.api.invite(sender, ada);
    const { context, page } = await suite.signIn(ada);
    await page.goto('/mynetwork/invitation-manager/received');
    const statuses = page.getByRole('group', { name: 'Show received invitations that are' });
    const kinds = page.getByRole('group', { name: 'Show received invitations for' });
    const shown = () =>
      textsOf(
        page.getByRole('tab', { name: /^Received/ }),
        statuses.getByRole('button', { name: /Pending/ }),
        statuses.getByRole('button', { name: /Ignored/ }),
        kinds.getByRole('button', { name: /All/ }),
        kinds.getByRole('button', { name: /People/ }),
      );
    await expect.poll(shown).toEqual(['Received (3)', 'Pending3', 'Ignored0', 'All3', 'People3']);
    // Held, the counts stand for a busy server; what the page shows meanwhile is its own.
    const counts = await holdRequests(page, 'GET', /\/api\/v1\/invitations\/received\/count/);

    await page.getByRole('button', { name: 'Accept invitation from Dee Noted' }).click();
    await page.getByText('You and Dee are now connected.').waitFor();
    await expect.poll(shown).toEqual(['Received (2)', 'Pending2', 'Ignored0', 'All2', 'People2']);
    await page.getByRole('button', { name: 'Ignore invitation from Eve Ignored' }).click();
    await page.getByText('Invitation from Eve ignored.').waitFor();
    await expect.poll(shown).toEqual(['Received (1)', 'Pending1', 'Ignored1', 'All1', 'People1']);
    expect(counts.length).toBeGreaterThan(0);

    // Read afresh, the server's counts say the same.
    await page.unroute(/\/api\/v1\/invitations\/received\/count/);
    await page.reload();
    await expect.poll(shown).toEqual(['Received (1)', 'Pending1', 'Ignored1', 'All1', 'People1']);
    await context.close();
  });
});
