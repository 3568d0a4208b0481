/**
 * A button busy with its request keeps the keyboard focus: a disabled one would drop it to the
 * top of the page. Each request is held on its way until the test lets it go, so the test looks
 * at the page while it runs without waiting for any time.
 */
import { describe, expect, it } from 'vitest';
import { ok } from './helpers/api.js';
import {
  focusedIsBusy,
  focusedName,
  holdRequests,
  pressWhileHeld,
  textsOf,
} from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

describe('Buttons busy with their request keep the keyboard focus', () => {
  const suite = setupSuite();

  it('Follow on a profile keeps the focus while it goes, and turns into Unfollow under it', async () => {
    const me = await suite.api.member('Fay Follower');
    const bea = await suite.api.member('Bea Followed');
    const { context, page } = await suite.signIn(me);
    const follows = await holdRequests(page, 'PUT', '**/api/v1/follows/*');

    await page.goto(`/in/${bea.handle}`);
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Follow', exact: true }),
      follows,
      'Follow',
    );

    await follows[0]!.continue();
    await page.getByText('You now follow Bea.').waitFor();
    await expect.poll(() => focusedName(page)).toBe('Unfollow');
    await expect.poll(() => focusedIsBusy(page)).toBe(false);
    await context.close();
  });

  it('Accept on a profile goes away with the answer, and the focus moves on to the follow button', async () => {
    const me = await suite.api.member('Ada Answer');
    const bea = await suite.api.member('Bea Inviter');
    await suite.api.invite(bea, me);
    const { context, page } = await suite.signIn(me);

    await page.goto(`/in/${bea.handle}`);
    await page.getByRole('button', { name: 'Accept', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('You and Bea are now connected.').waitFor();
    await page.getByRole('button', { name: 'Connected ✓' }).waitFor();
    // Connected members follow each other, so the button the focus is on reads Unfollow.
    expect(await focusedName(page)).toBe('Unfollow');
    await context.close();
  });

  it('R39: an answered invitation leaves the received list with the answer, not once the list is read again', async () => {
    const me = await suite.api.member('Rae Received');
    for (const name of ['Uma Earlier', 'Vic Later'])
      await suite.api.invite(await suite.api.member(name), me);
    const { context, page } = await suite.signIn(me);
    await page.goto('/mynetwork/invitation-manager/received');
    const accept = page.getByRole('button', { name: 'Accept invitation from Vic Later' });
    await accept.waitFor();
    // A busy member's lists are read again page by page after each answer; held here, they
    // stand for however long that takes.
    const reads = await holdRequests(page, 'GET', /\/api\/v1\/invitations\/received(\?|$)/);

    await accept.focus();
    await page.keyboard.press('Enter');
    await page.getByText('You and Vic are now connected.').waitFor();
    await accept.waitFor({ state: 'detached' });
    await expect.poll(() => reads.length).toBeGreaterThan(0);
    expect(await focusedName(page)).toBe('Accept invitation from Uma Earlier');
    expect(await focusedIsBusy(page)).toBe(false);
    await context.close();
  });

  it('Accept on an invitation withdrawn meanwhile says so, and the focus moves on to the next row, else to the list', async () => {
    const me = await suite.api.member('Wyn Withdrawn');
    const uma = await suite.api.member('Uma Staying');
    const vic = await suite.api.member('Vic Withdrawing');
    await suite.api.invite(uma, me);
    const withdrawn = await suite.api.invite(vic, me);
    const { context, page } = await suite.signIn(me);
    await page.goto('/mynetwork/invitation-manager/received');
    const accept = page.getByRole('button', { name: 'Accept invitation from Vic Withdrawing' });
    await accept.waitFor();
    await ok(
      suite.api.as(vic).POST('/api/v1/invitations/{id}/withdraw', {
        params: { path: { id: withdrawn.id } },
      }),
    );

    await accept.focus();
    await page.keyboard.press('Enter');
    await page.getByText('This invitation no longer exists.').waitFor();
    await accept.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Accept invitation from Uma Staying');

    // The last row withdrawn as well, the focus stays in the list's panel.
    const [left] = (await suite.api.sent(uma)).items;
    await ok(
      suite.api.as(uma).POST('/api/v1/invitations/{id}/withdraw', {
        params: { path: { id: left!.id } },
      }),
    );
    await page.keyboard.press('Enter');
    await page.getByText('When someone invites you, it shows up here.', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-received');
    await context.close();
  });

  it('R39: invitations answered together leave the list and its counts with the answer, not once the lists are read again', async () => {
    const me = await suite.api.member('Rex Received');
    for (const name of ['Uma Together', 'Vic Together', 'Wes Waiting'])
      await suite.api.invite(await suite.api.member(name), me);
    const { context, page } = await suite.signIn(me);
    await page.goto('/mynetwork/invitation-manager/received');
    const statuses = page.getByRole('group', { name: 'Show received invitations that are' });
    const shown = () =>
      textsOf(
        page.getByRole('tab', { name: /^Received/ }),
        statuses.getByRole('button', { name: /Pending/ }),
        statuses.getByRole('button', { name: /Ignored/ }),
      );
    await expect.poll(shown).toEqual(['Received (3)', 'Pending3', 'Ignored0']);
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    for (const name of ['Uma Together', 'Vic Together'])
      await page.getByRole('checkbox', { name: `Select invitation from ${name}` }).check();
    // The lists and counts read again after the answer are held: they stand for a busy member's.
    const reads = await holdRequests(page, 'GET', /\/api\/v1\/invitations\/received(\?|$|\/count)/);

    await page.getByRole('button', { name: 'Ignore selected' }).click();
    await page
      .getByRole('dialog', { name: 'Ignore 2 invitations' })
      .getByRole('button', { name: 'Ignore', exact: true })
      .click();
    await page.getByText('2 invitations ignored.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const rows = page.getByRole('list', { name: 'Received invitations' }).getByRole('listitem');
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('Wes Waiting')]);
    expect(await shown()).toEqual(['Received (1)', 'Pending1', 'Ignored2']);
    // "Ignore selected", disabled with nothing selected, cannot take the focus back.
    await expect.poll(() => focusedName(page)).toBe('Accept invitation from Wes Waiting');
    await expect.poll(() => reads.length).toBeGreaterThan(0);
    await context.close();
  });

  it('a removed connection leaves the list with the answer, and the focus moves to the next row', async () => {
    const me = await suite.api.member('Cy Connected');
    const [uma, vic] = [await suite.api.member('Uma Kept'), await suite.api.member('Vic Removed')];
    for (const other of [uma, vic]) await suite.api.connect(me, other);
    const { context, page } = await suite.signIn(me);
    await page.goto('/connections');
    const more = page.getByRole('button', { name: 'More options for Vic Removed' });
    await more.waitFor();
    // Read again page by page after the change, which for thousands loaded takes a while.
    const reads = await holdRequests(page, 'GET', /\/api\/v1\/connections(\?|$)/);

    await more.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Remove connection' }).press('Enter');
    await page.getByRole('button', { name: 'Remove connection' }).press('Enter');
    await page.getByText('Vic was removed from your connections.').waitFor();
    await more.waitFor({ state: 'detached' });
    await expect.poll(() => reads.length).toBeGreaterThan(0);
    await expect.poll(() => focusedName(page)).toBe('More options for Uma Kept');
    await context.close();
  });

  it('R20: an unblocked member leaves Blocked members with the answer, and the focus moves on', async () => {
    const me = await suite.api.member('Bo Blocking');
    for (const name of ['Ula Blocked', 'Val Unblocked']) {
      const other = await suite.api.member(name);
      await ok(
        suite.api
          .as(me)
          .PUT('/api/v1/blocks/{handle}', { params: { path: { handle: other.handle } } }),
      );
    }
    const { context, page } = await suite.signIn(me);
    await page.goto('/settings');
    const unblock = page.getByRole('button', { name: 'Unblock Val Unblocked' });
    await unblock.waitFor();
    const reads = await holdRequests(page, 'GET', /\/api\/v1\/blocks(\?|$)/);

    await unblock.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Unblock' }).press('Enter');
    await page.getByText('Val Unblocked is no longer blocked.').waitFor();
    await unblock.waitFor({ state: 'detached' });
    await expect.poll(() => reads.length).toBeGreaterThan(0);
    await expect.poll(() => focusedName(page)).toBe('Unblock Ula Blocked');
    await context.close();
  });

  it('R28: signing sessions out keeps the focus, then moves it to another session or the heading', async () => {
    const me = await suite.api.member('Sid Sessions');
    for (const userAgent of ['Laptop browser', 'Phone browser']) {
      await ok(
        suite.api.client.POST('/api/v1/session', {
          headers: { 'user-agent': userAgent },
          body: { email: me.email, password: me.password },
        }),
      );
    }
    const { context, page } = await suite.signIn(me);
    const endings = await holdRequests(page, 'DELETE', '**/api/v1/me/sessions/*');
    const endingOthers = await holdRequests(page, 'DELETE', '**/api/v1/me/sessions');

    await page.goto('/settings');
    // Each session's button is named by its browser and when it signed in.
    const laptop = page.getByRole('button', { name: 'Sign out Laptop browser' });
    const laptopName = await laptop.getAttribute('aria-label');
    expect(laptopName).toMatch(/^Sign out Laptop browser, signed in \d+ \w+ \d{4}/);
    await pressWhileHeld(page, laptop, endings, laptopName ?? '');

    // The session's row goes away: the focus moves on to another session's button.
    await endings[0]!.continue();
    await page
      .getByRole('button', { name: 'Sign out Laptop browser' })
      .waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toMatch(/^Sign out (?!Laptop)/);

    // With the other sessions, their button goes: the focus stays in the section, on its heading.
    const everyOther = page.getByRole('button', { name: 'Sign out all other sessions' });
    await pressWhileHeld(page, everyOther, endingOthers, 'Sign out all other sessions');
    await endingOthers[0]!.continue();
    await everyOther.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe("Where you're signed in");
    await context.close();
  });

  it('R28: revoking a token keeps the focus, then leaves it on the tokens heading, not the page', async () => {
    const me = await suite.api.member('Tom Tokens');
    const { context, page } = await suite.signIn(me);
    const revokes = await holdRequests(page, 'DELETE', '**/api/v1/me/tokens/*');

    await page.goto('/settings');
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Revoke e2e setup' }),
      revokes,
      'Revoke e2e setup',
    );

    await revokes[0]!.continue();
    await page.getByText('No tokens yet').waitFor();
    expect(await focusedName(page)).toBe('Personal access tokens');
    await context.close();
  });

  it('signing in keeps the focus on the busy button, and a second Enter sends nothing more', async () => {
    const me = await suite.api.member('Sam Signer');
    const context = await suite.browser.newContext({ baseURL: suite.api.baseUrl });
    const page = await context.newPage();
    const signIns = await holdRequests(page, 'POST', '**/api/v1/session');

    await page.goto('/signin');
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill(me.password);
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Sign in' }),
      signIns,
      'Signing in…',
    );
    await page.keyboard.press('Enter');
    await page.getByLabel('Password').press('Enter');

    await signIns[0]!.continue();
    await page.waitForURL('**/mynetwork');
    expect(signIns).toHaveLength(1);
    await context.close();
  });

  it('creating a page keeps the focus on the busy button, and a second Enter creates nothing more', async () => {
    const me = await suite.api.member('Cora Creator');
    const { context, page } = await suite.signIn(me);
    const creations = await holdRequests(page, 'POST', '**/api/v1/pages');

    await page.goto('/pages');
    await page.getByLabel('Name', { exact: true }).fill('Busy Bees');
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Create page' }),
      creations,
      'Creating…',
    );
    await page.keyboard.press('Enter');

    await creations[0]!.continue();
    await page.getByRole('heading', { level: 1, name: 'Busy Bees' }).waitFor();
    expect(creations).toHaveLength(1);
    await context.close();
  });

  it('R8: importing contacts keeps the focus, then lands it on the summary, not the page', async () => {
    const me = await suite.api.member('Ivy Importer');
    const { context, page } = await suite.signIn(me);
    const imports = await holdRequests(page, 'POST', '**/api/v1/contacts/import');

    await page.goto('/settings');
    await page.getByLabel('Or paste addresses').fill('ada@example.com, bea@example.org');
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Import contacts' }),
      imports,
      'Importing…',
    );
    await page.keyboard.press('Enter');

    // The emptied form has nothing left to import, so its button is disabled under the focus.
    await imports[0]!.continue();
    await expect
      .poll(() => focusedName(page))
      .toMatch(/^Imported 2 addresses into your contacts\./);
    expect(imports).toHaveLength(1);
    await context.close();
  });

  it('R27: changing the password keeps the focus, then moves it to the news that it changed', async () => {
    const me = await suite.api.member('Pia Password');
    const { context, page } = await suite.signIn(me);
    const changes = await holdRequests(page, 'PUT', '**/api/v1/me/password');

    await page.goto('/settings');
    await page.getByLabel('Current password').fill(me.password);
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase 42');
    await page.getByLabel('Repeat the new password').fill('a brand new passphrase 42');
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Change password' }),
      changes,
      'Saving…',
    );
    await page.keyboard.press('Enter');

    await changes[0]!.continue();
    await expect
      .poll(() => focusedName(page))
      .toBe('Your password is changed. Your other devices are signed out.');
    expect(changes).toHaveLength(1);
    await context.close();
  });

  it('R25: changing the email keeps the focus, then moves it to the news of where the link went', async () => {
    const me = await suite.api.member('Eli Email');
    const { context, page } = await suite.signIn(me);
    const changes = await holdRequests(page, 'PATCH', '**/api/v1/me');

    await page.goto('/settings');
    await page.getByLabel('New email address').fill('eli.new@example.com');
    await page.locator('#account-email-password').fill(me.password);
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Change email' }),
      changes,
      'Saving…',
    );

    await changes[0]!.continue();
    await expect
      .poll(() => focusedName(page))
      .toBe(
        'Your email is now eli.new@example.com. We sent a link there: follow it to verify the address.',
      );
    await context.close();
  });

  it('saving the profile keeps the focus in the dialog, then gives it back to Edit profile', async () => {
    const me = await suite.api.member('Pat Profile');
    const { context, page } = await suite.signIn(me);
    const saves = await holdRequests(page, 'PATCH', '**/api/v1/me');

    await page.goto(`/in/${me.handle}`);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit profile' });
    await dialog.getByRole('textbox', { name: 'Location' }).fill('Lisbon');
    await pressWhileHeld(
      page,
      dialog.getByRole('button', { name: 'Save profile' }),
      saves,
      'Saving…',
    );
    await page.keyboard.press('Enter');

    await saves[0]!.continue();
    await dialog.waitFor({ state: 'detached' });
    // The dialog gives the focus back as it unmounts, in an effect after it has left the page.
    await expect.poll(() => focusedName(page)).toBe('Edit profile');
    expect(saves).toHaveLength(1);
    await context.close();
  });

  it('R28: making a token keeps the focus, then lands it on the new token, not the page', async () => {
    const me = await suite.api.member('Tia Token');
    const { context, page } = await suite.signIn(me);
    const makes = await holdRequests(page, 'POST', '**/api/v1/me/tokens');

    await page.goto('/settings');
    await page.getByLabel('Token name').fill('Nightly export');
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Make token' }),
      makes,
      'Make token',
    );

    // The emptied name leaves the button disabled under the focus.
    await makes[0]!.continue();
    await expect.poll(() => focusedName(page)).toMatch(/^Copy your new token now/);
    await context.close();
  });
});
