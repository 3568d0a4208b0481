import { describe, expect, it } from 'vitest';
import { attendEvent } from '../src/modules/events/event.repository.js';
import { insertFollow } from '../src/modules/follows/follow.repository.js';
import { memberRow, seedMembers } from '../test/helpers/members.js';
import { connectAll } from '../test/helpers/network.js';
import { runCli } from '../test/jobs/child.js';
import { ok } from './helpers/api.js';
import { focusedText } from './helpers/browser.js';
import { showEverything, smallPages } from './helpers/lists.js';
import { setupSuite } from './helpers/suite.js';

/** The page size the tests have the web app read with: a few pages, each taller than the screen. */
const PAGE = 30;
/** Two full pages and part of a third. */
const COUNT = 2 * PAGE + 15;

describe('lists read to their end from the keyboard (R40)', () => {
  const suite = setupSuite();

  it('R40: the Admin members list reaches "All 75 shown" and the audit log "All 76 shown" by Show more', async () => {
    const admin = await suite.api.member('Ari Admin');
    const granting = runCli(['admin', 'grant', admin.handle], {
      RAPPORT_DATABASE_URL: suite.databaseUrl,
    });
    expect((await granting.exited).code, granting.output()).toBe(0);
    const listed = await seedMembers(suite.seeding, COUNT, (i) => ({ name: `Listed Member ${i}` }));
    for (const member of listed) {
      await ok(
        suite.api.as(admin).POST('/api/v1/admin/members/{handle}/suspend', {
          params: { path: { handle: member.handle } },
          body: { reason: 'Mass invitations' },
        }),
      );
    }
    const { context, page } = await suite.signIn(admin);
    await smallPages(page, '/api/v1/admin/members', PAGE);
    await smallPages(page, '/api/v1/admin/audit', PAGE);
    await page.goto('/admin');
    // Before the search applies, the first page of everyone is as long as the searched one; the
    // searched page is asked for only once that list has gone.
    const searched = page.waitForRequest(
      (request) => new URL(request.url()).searchParams.get('q') === 'listed',
    );
    await page.getByRole('searchbox', { name: /Search members/ }).fill('listed');
    await searched;
    const rows = page.getByRole('list', { name: 'Members' }).locator(':scope > li');
    await expect.poll(() => rows.count()).toBe(PAGE);
    // How many the search finds in all, before the list is read to its end.
    await page
      .getByRole('status')
      .filter({ hasText: `Showing ${PAGE} of ${COUNT} members` })
      .waitFor();

    const presses = await showEverything(page, rows, 'Show more members', `All ${COUNT} shown`);
    expect(presses).toBeGreaterThanOrEqual(1);
    const shown = await rows.locator('.member-name').allTextContents();
    expect(new Set(shown)).toEqual(new Set(listed.map((member) => member.name)));

    // Every suspension, and the grant that made Ari an admin, on a tab of its own.
    await page.getByRole('tab', { name: 'Members' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('Audit log');
    expect(new URL(page.url()).pathname).toBe('/admin/audit');
    const entries = page
      .getByRole('list', { name: 'Admin actions, newest first' })
      .locator(':scope > li');
    await showEverything(page, entries, 'Show more admin actions', `All ${COUNT + 1} shown`);
    const grant = entries.filter({ hasText: 'The command line made admin Ari Admin' });
    expect(await grant.count()).toBe(1);
    await context.close();
  });

  it('R40: Upcoming events reach "All 75 shown" by Show more', async () => {
    const me = await suite.api.member('Eve Events');
    const startsAt = new Date((await suite.api.serverNow()).getTime() + 86_400_000).toISOString();
    const names: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const name = `Meetup number ${i}`;
      await ok(suite.api.as(me).POST('/api/v1/events', { body: { name, startsAt } }));
      names.push(name);
    }
    const { context, page } = await suite.signIn(me);
    await smallPages(page, '/api/v1/events', PAGE);
    await page.goto('/events');
    const rows = page.getByRole('list', { name: 'Upcoming events' }).locator(':scope > li');
    await expect.poll(() => rows.count()).toBe(PAGE);

    const presses = await showEverything(page, rows, 'Show more events', `All ${COUNT} shown`);
    expect(presses).toBeGreaterThanOrEqual(1);
    expect(new Set(await rows.locator('.member-name').allTextContents())).toEqual(new Set(names));
    await context.close();
  });

  it('R40: an event\'s attendees reach "All 76 shown" by Show more, past the 50 newest', async () => {
    const me = await suite.api.member('Otto Organiser');
    const startsAt = new Date((await suite.api.serverNow()).getTime() + 86_400_000).toISOString();
    const event = await ok(
      suite.api.as(me).POST('/api/v1/events', { body: { name: 'Big Meetup', startsAt } }),
    );
    const guests = await seedMembers(suite.seeding, COUNT);
    const at = suite.seeding.clock.now().toISOString();
    for (const guest of guests)
      await attendEvent(suite.seeding.ctx.database.db, event.id, guest.id, at);
    const { context, page } = await suite.signIn(me);
    await smallPages(page, `/api/v1/events/${event.id}/attendees`, PAGE);
    await page.goto(`/events/${event.id}`);
    const rows = page.getByRole('list', { name: 'Attendees' }).locator(':scope > li');
    await expect.poll(() => rows.count()).toBe(PAGE);
    await page.getByText(`Showing ${PAGE} of ${COUNT + 1} attendees`).waitFor();

    await showEverything(page, rows, 'Show more attendees', `All ${COUNT + 1} shown`);
    const shown = await rows.locator('.member-name').allTextContents();
    expect(new Set(shown)).toEqual(new Set([me.name, ...guests.map((guest) => guest.name)]));
    await context.close();
  });

  it('R40: Followers reach "All 75 shown" by Show more, counted as followers as the heading counts them', async () => {
    const me = await suite.api.member('Fern Followed');
    const fans = await seedMembers(suite.seeding, COUNT);
    const followed = await memberRow(suite.seeding, me.handle);
    const at = suite.seeding.clock.now().toISOString();
    for (const fan of fans)
      await insertFollow(suite.seeding.ctx.database.db, fan.id, followed.id, at);
    const { context, page } = await suite.signIn(me);
    await smallPages(page, '/api/v1/followers', PAGE);
    await page.goto('/followers');
    await page.getByRole('heading', { level: 1, name: `${COUNT} followers` }).waitFor();
    const rows = page.locator('ul.rows > li');
    await expect.poll(() => rows.count()).toBe(PAGE);
    await page.getByText(`Showing ${PAGE} of ${COUNT} followers`).waitFor();

    await showEverything(page, rows, 'Show more followers', `All ${COUNT} shown`);
    const shown = await rows.locator('.member-name').allTextContents();
    expect(new Set(shown)).toEqual(new Set(fans.map((fan) => fan.name)));
    await context.close();
  });

  it('R40: Your pages reaches "All 75 shown" by Show more', async () => {
    const me = await suite.api.member('Pat Pages');
    const names: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const name = `Team page ${i}`;
      await ok(suite.api.as(me).POST('/api/v1/pages', { body: { name } }));
      names.push(name);
    }
    const { context, page } = await suite.signIn(me);
    await smallPages(page, '/api/v1/pages', PAGE);
    await page.goto('/pages');
    const rows = page.getByRole('list', { name: 'Your pages' }).locator(':scope > li');
    await expect.poll(() => rows.count()).toBe(PAGE);

    await showEverything(page, rows, 'Show more pages', `All ${COUNT} shown`);
    expect(new Set(await rows.locator('.member-name').allTextContents())).toEqual(new Set(names));
    await context.close();
  });

  it('R40: the page invite picker loads a page of connections as its rows scroll to their end, and reaches "All 75 shown"', async () => {
    const me = await suite.api.member('Pat Picker');
    const { seeding } = suite;
    await connectAll(
      seeding,
      await memberRow(seeding, me.handle),
      await seedMembers(seeding, COUNT),
    );
    const target = await ok(suite.api.as(me).POST('/api/v1/pages', { body: { name: 'Picks' } }));
    const { context, page } = await suite.signIn(me);
    const invitees = `/api/v1/pages/${target.id}/invitees`;
    await smallPages(page, invitees, PAGE);
    let asked = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === invitees) asked++;
    });
    await page.goto(`/pages/${target.id}`);
    await page.getByRole('button', { name: 'Invite connections' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite connections to follow Picks' });
    const rows = dialog.getByRole('checkbox');
    await expect.poll(() => rows.count()).toBe(PAGE);
    // The list's end sits below its scrolling rows, out of view: nothing more loads by itself.
    await page.waitForTimeout(1_000);
    expect(asked).toBe(1);
    expect(await rows.count()).toBe(PAGE);

    await dialog.locator('.checklist-scroll').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await expect.poll(() => rows.count()).toBe(2 * PAGE);
    await showEverything(page, rows, 'Show more connections', `All ${COUNT} shown`);
    await context.close();
  });

  it('R22 R40: the event invite picker sends more than a hundred invitations, a hundred a call', async () => {
    const many = 120;
    const me = await suite.api.member('Eli Everyone');
    const { seeding } = suite;
    await connectAll(
      seeding,
      await memberRow(seeding, me.handle),
      await seedMembers(seeding, many),
    );
    const startsAt = new Date((await suite.api.serverNow()).getTime() + 86_400_000).toISOString();
    const event = await ok(
      suite.api.as(me).POST('/api/v1/events', { body: { name: 'Everyone', startsAt } }),
    );
    const { context, page } = await suite.signIn(me);
    const calls: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/v1/events/${event.id}/invitations`) {
        const body: unknown = request.postDataJSON();
        const to: unknown =
          typeof body === 'object' && body !== null ? Reflect.get(body, 'to') : null;
        calls.push(Array.isArray(to) ? to.length : -1);
      }
    });
    await page.goto(`/events/${event.id}`);
    await page.getByRole('button', { name: 'Invite connections' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite connections to Everyone' });
    const rows = dialog.getByRole('checkbox');
    await showEverything(page, rows, 'Show more connections', `All ${many} shown`);
    for (const row of await rows.all()) await row.check();
    await dialog.getByRole('button', { name: `Send ${many} invitations` }).click();
    await dialog.getByText(`${many} invitations sent.`, { exact: false }).waitFor();
    expect(calls).toEqual([100, 20]);
    const sent = await ok(suite.api.as(me).GET('/api/v1/invitations/sent/count'));
    expect(sent.total).toBe(many);
    await context.close();
  });

  it('R40: Blocked members in Settings reaches "All 75 shown" by Show more', async () => {
    const me = await suite.api.member('Bo Blocker');
    const blocked = await seedMembers(suite.seeding, COUNT);
    for (const member of blocked) {
      await ok(
        suite.api
          .as(me)
          .PUT('/api/v1/blocks/{handle}', { params: { path: { handle: member.handle } } }),
      );
    }
    const { context, page } = await suite.signIn(me);
    await smallPages(page, '/api/v1/blocks', PAGE);
    await page.goto('/settings');
    const rows = page.getByRole('list', { name: 'Blocked members' }).locator(':scope > li');
    await expect.poll(() => rows.count()).toBe(PAGE);

    const presses = await showEverything(
      page,
      rows,
      'Show more blocked members',
      `All ${COUNT} shown`,
    );
    expect(presses).toBeGreaterThanOrEqual(1);
    const unblock = await rows
      .getByRole('button', { name: /^Unblock / })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(new Set(unblock)).toEqual(new Set(blocked.map((member) => `Unblock ${member.name}`)));
    await context.close();
  });
});
