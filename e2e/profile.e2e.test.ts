import { describe, expect, it } from 'vitest';
import { focusedName, longDate } from './helpers/browser.js';
import { ok } from './helpers/api.js';
import { setupSuite } from './helpers/suite.js';

describe('Profile', () => {
  const suite = setupSuite();

  it('connects with a note and how they know each other (R4)', async () => {
    const me = await suite.api.member('Nora Note');
    const bea = await suite.api.member('Bea Recipient', { headline: 'Data engineer at Globex' });
    const { context, page } = await suite.signIn(me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Bea Recipient' }).waitFor();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite Bea Recipient to connect' });
    await dialog.getByRole('group', { name: 'How do you know Bea?' }).waitFor();
    await dialog.getByRole('radio', { name: 'Colleague' }).check();
    const note = 'Hi Bea, we worked together on the data platform.';
    await dialog.getByRole('textbox', { name: 'Add a note (optional)' }).fill(note);
    // The counter shows once the instance's note limit has arrived.
    await expect.poll(() => dialog.getByText(`${note.length}/300`).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Pending ▾' }).waitFor();
    await page.getByText('Invitation sent to Bea.').waitFor();
    // Connect, which had the focus back from the dialog, is gone: the keyboard goes on from here.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Pending ▾');

    const invitation = await suite.api.received(bea);
    expect(invitation.items).toMatchObject([{ note, howKnown: 'colleague' }]);
    await context.close();
  });

  it('a notification of an invitation opens the sender’s profile with the note, to accept there (R10)', async () => {
    const me = await suite.api.member('Rhea Recipient');
    const sam = await suite.api.member('Sam Sender');
    const note = 'We met at the product breakfast in Berlin; I would like to stay in touch.';
    await suite.api.invite(sam, me, { note });
    const { context, page } = await suite.signIn(me);

    await page.goto('/notifications');
    await page.getByRole('link', { name: 'Unread: Sam Sender invited you to connect.' }).click();
    await page.waitForURL(`**/in/${sam.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Sam Sender' }).waitFor();
    await page.getByText(/^Sam invited you to connect/).waitFor();
    await page.getByText(note).waitFor();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('button', { name: 'Connected ✓' }).waitFor();
    expect(await page.getByText(note).count()).toBe(0);
    expect((await suite.api.received(me)).items).toEqual([]);
    await context.close();
  });

  it('an invitation the member ignored can still be accepted from its sender’s profile (R38)', async () => {
    const me = await suite.api.member('Ida Ignorer');
    const sam = await suite.api.member('Sam Patient');
    const ignored = await suite.api.invite(sam, me);
    await ok(
      suite.api.as(me).POST('/api/v1/invitations/{id}/ignore', {
        params: { path: { id: ignored.id } },
        body: {},
      }),
    );
    const { context, page } = await suite.signIn(me);

    await page.goto(`/in/${sam.handle}`);
    await page
      .getByText(/^Sam invited you to connect .* You ignored it; you can still accept it\.$/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Ignore', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Connect', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('button', { name: 'Connected ✓' }).waitFor();
    await context.close();
  });

  it('after a withdrawal, says when Bea can be invited again (R16)', async () => {
    const me = await suite.api.member('Will Withdraw');
    const bea = await suite.api.member('Bea Cooldown');
    const sent = await suite.api.invite(me, bea);
    const { resendAvailableAt } = await ok(
      suite.api.as(me).POST('/api/v1/invitations/{id}/withdraw', {
        params: { path: { id: sent.id } },
      }),
    );
    const { context, page } = await suite.signIn(me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByText(`You can invite Bea again on ${longDate(resendAvailableAt)}.`).waitFor();
    expect(await page.getByRole('button', { name: 'Connect', exact: true }).isDisabled()).toBe(
      true,
    );
    await context.close();
  });

  it('a withdrawal from the profile waits for its Undo, which brings Pending back to the keyboard (R14)', async () => {
    const me = await suite.api.member('Una Undo');
    const kai = await suite.api.member('Kai Waiting');
    const sent = await suite.api.invite(me, kai);
    const { context, page } = await suite.signIn(me);
    const withdraw = async () => {
      await page.getByRole('button', { name: 'Pending ▾' }).click();
      await page.getByRole('menuitem', { name: 'Withdraw invitation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Withdraw invitation' });
      await dialog.getByRole('button', { name: 'Withdraw' }).click();
      await expect.poll(() => focusedName(page)).toBe('Undo');
    };

    await page.goto(`/in/${kai.handle}`);
    await withdraw();
    await page.getByRole('button', { name: 'Withdrawing…' }).waitFor();
    // Nothing has gone while Undo is offered: Kai still has the invitation.
    expect((await suite.api.received(kai)).items.map((i) => i.id)).toEqual([sent.id]);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Pending ▾');
    expect((await suite.api.received(kai)).items).toHaveLength(1);

    // Left to end, the toast sends the withdrawal and the keyboard stays in the profile's row.
    await withdraw();
    await page.getByText(/^You can invite Kai again on /).waitFor({ timeout: 15_000 });
    expect((await suite.api.received(kai)).items).toHaveLength(0);
    expect(await focusedName(page)).not.toBe('body');
    await context.close();
  });

  it('blocks from the More menu after a confirmation (R20)', async () => {
    const me = await suite.api.member('Bob Blocker');
    const bea = await suite.api.member('Bea Blocked');
    await suite.api.connect(bea, me);
    const { context, page } = await suite.signIn(me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('button', { name: 'Connected ✓' }).waitFor();
    await page.getByRole('button', { name: 'More ▾' }).click();
    await page.getByRole('menuitem', { name: 'Block Bea' }).click();
    const dialog = page.getByRole('dialog', { name: 'Block Bea Blocked?' });
    // A block hides Bea from me, so asking for her profile again could only answer 404.
    const afterBlock: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/v1/members/${bea.handle}`) {
        afterBlock.push(`${request.method()} ${request.url()}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400) afterBlock.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') afterBlock.push(message.text());
    });
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await page.waitForURL('**/mynetwork');
    await page.getByText('You blocked Bea. You can unblock them in Settings.').waitFor();
    await page.getByRole('heading', { name: /^Invitations/ }).waitFor();

    const connections = await ok(suite.api.as(me).GET('/api/v1/connections'));
    expect(connections.items).toHaveLength(0);
    await expect(
      ok(
        suite.api.as(bea).GET('/api/v1/members/{handle}', {
          params: { path: { handle: me.handle } },
        }),
      ),
    ).rejects.toThrow(/404/);
    expect(afterBlock).toEqual([]);

    // Lifted, the block cannot be made again for 48 hours: the menu says until when, and
    // choosing it opens nothing.
    await ok(
      suite.api
        .as(me)
        .DELETE('/api/v1/blocks/{handle}', { params: { path: { handle: bea.handle } } }),
    );
    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('button', { name: 'More ▾' }).click();
    const again = page.getByRole('menuitem', { name: /^Block Bea/ });
    expect(await again.getAttribute('aria-disabled')).toBe('true');
    expect(await again.textContent()).toMatch(
      /^Block BeaYou unblocked Bea recently: you can block them again on \d+ \w+ \d{4} at \d\d:\d\d\.$/,
    );
    await again.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });
});
