import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api } from './helpers/api.js';
import { launchBrowser, longDate, signedIn } from './helpers/browser.js';
import { startServer, type TestServer } from './helpers/server.js';

describe('Profile', () => {
  let server: TestServer;
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('connects with a note and how they know each other (R4)', async () => {
    const me = await api.member('Nora Note');
    const bea = await api.member('Bea Recipient', { headline: 'Data engineer at Globex' });
    const { context, page } = await signedIn(browser, api, me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Bea Recipient' }).waitFor();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite Bea Recipient to connect' });
    await dialog.getByRole('group', { name: 'How do you know Bea?' }).waitFor();
    await dialog.getByRole('radio', { name: 'Colleague' }).check();
    const note = 'Hi Bea, we worked together on the data platform.';
    await dialog.getByRole('textbox', { name: 'Add a note (optional)' }).fill(note);
    expect(await dialog.getByText(`${note.length}/300`).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Pending ▾' }).waitFor();
    await page.getByText('Invitation sent to Bea.').waitFor();

    const invitation = await api.call<{ items: { note: string; howKnown: string }[] }>(
      'GET',
      '/invitations/received',
      undefined,
      bea.token,
    );
    expect(invitation.items).toMatchObject([{ note, howKnown: 'colleague' }]);
    await context.close();
  });

  it('after a withdrawal, says when Bea can be invited again (R16)', async () => {
    const me = await api.member('Will Withdraw');
    const bea = await api.member('Bea Cooldown');
    const sent = await api.invite(me, bea);
    const { resendAvailableAt } = await api.call<{ resendAvailableAt: string }>(
      'POST',
      `/invitations/${sent.id}/withdraw`,
      undefined,
      me.token,
    );
    const { context, page } = await signedIn(browser, api, me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByText(`You can invite Bea again on ${longDate(resendAvailableAt)}.`).waitFor();
    expect(await page.getByRole('button', { name: 'Connect', exact: true }).isDisabled()).toBe(
      true,
    );
    await context.close();
  });

  it('blocks from the More menu after a confirmation (R20)', async () => {
    const me = await api.member('Bob Blocker');
    const bea = await api.member('Bea Blocked');
    await api.connect(bea, me);
    const { context, page } = await signedIn(browser, api, me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('button', { name: 'Connected ✓' }).waitFor();
    await page.getByRole('button', { name: 'More ▾' }).click();
    await page.getByRole('menuitem', { name: 'Block Bea' }).click();
    const dialog = page.getByRole('dialog', { name: 'Block Bea Blocked?' });
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await page.waitForURL('**/mynetwork');
    await page.getByText('You blocked Bea. You can unblock them in Settings.').waitFor();

    const connections = await api.call<{ items: unknown[] }>(
      'GET',
      '/connections',
      undefined,
      me.token,
    );
    expect(connections.items).toHaveLength(0);
    await expect(api.call('GET', `/members/${me.handle}`, undefined, bea.token)).rejects.toThrow(
      /404/,
    );
    await context.close();
  });
});
