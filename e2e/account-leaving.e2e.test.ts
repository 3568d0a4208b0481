import { describe, expect, it } from 'vitest';
import { ok } from './helpers/api.js';
import { setupSuite } from './helpers/suite.js';

describe('Leaving Rapport', () => {
  const suite = setupSuite();

  it('R29: from Settings, "Delete account" with the handle and the password leaves no profile, connection, invitation or sign-in behind', async () => {
    const lea = await suite.api.member('Lea Leaving');
    const stan = await suite.api.member('Stan Staying');
    const ivy = await suite.api.member('Ivy Invited');
    await suite.api.connect(lea, stan);
    await suite.api.invite(lea, ivy);
    const before = await ok(suite.api.as(stan).GET('/api/v1/connections'));
    expect(before.items.map((item) => item.member.handle)).toContain(lea.handle);
    expect((await suite.api.received(ivy)).items).toHaveLength(1);
    const { context, page } = await suite.signIn(lea);

    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Delete your account' });
    await section.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    const confirm = dialog.getByRole('button', { name: 'Delete my account' });
    await dialog.getByLabel(`Type your handle, ${lea.handle}, to confirm`).fill(lea.handle);
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Your password').fill(lea.password);
    await confirm.click();

    await page.waitForURL('**/signin?deleted=1');
    await page
      .getByRole('status')
      .getByText('Your account has been deleted. Thank you for having been part of Rapport.')
      .waitFor();
    await context.close();

    await expect(
      ok(
        suite.api.as(stan).GET('/api/v1/members/{handle}', {
          params: { path: { handle: lea.handle } },
        }),
      ),
    ).rejects.toThrow(/404 .*member_not_found/);
    const connections = await ok(suite.api.as(stan).GET('/api/v1/connections'));
    expect(connections.items.map((item) => item.member.handle)).not.toContain(lea.handle);
    expect((await suite.api.received(ivy)).items).toEqual([]);
    await expect(
      ok(
        suite.api.client.POST('/api/v1/session', {
          body: { email: lea.email, password: lea.password },
        }),
      ),
    ).rejects.toThrow(/401/);
  });
});
