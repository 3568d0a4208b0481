import { beforeAll, describe, expect, it } from 'vitest';
import { type Member, ok } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import { DESKTOP, expectFitsPhone, longDate, PHONE, shoot } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';
import { Targets } from './helpers/targets.js';

const SENT = '/mynetwork/invitation-manager/sent';
/** Low enough to reach in a test (R22's default is 1,000). */
const EVENT_WEEKLY_LIMIT = 2;

describe('Pages and events (R21, R22) in the web app', () => {
  const suite = setupSuite({
    RAPPORT_EVENT_WEEKLY_INVITATION_LIMIT: String(EVENT_WEEKLY_LIMIT),
  });
  let alice: Member;
  let bea: Member;
  let cal: Member;
  let dee: Member;
  let eve: Member;
  let targets: Targets;

  beforeAll(async () => {
    targets = new Targets(suite.api);
    alice = await suite.api.member('Alice Admin', { headline: 'Community lead at Initech' });
    bea = await suite.api.member('Bea Member', { headline: 'Data engineer at Globex' });
    cal = await suite.api.member('Cal Colleague', { headline: 'Designer at Initech' });
    dee = await suite.api.member('Dee Developer', { headline: 'Developer at Acme' });
    eve = await suite.api.member('Eve Optout', { headline: 'Recruiter at Hooli' });
    for (const other of [bea, cal, dee, eve]) await suite.api.connect(alice, other);
    await ok(suite.api.as(eve).PATCH('/api/v1/settings', { body: { pageInvitations: false } }));
  }, 60_000);

  it('the Sent tab shows all kinds under All, and only the page invitation under Pages and only the event one under Events (R23, R40)', async () => {
    const page = await targets.createPage(alice, 'Initech Engineering');
    const event = await targets.createEvent(alice, 'Initech Launch Party', 10);
    await targets.invitePage(alice, page.id, [bea]);
    await targets.inviteEvent(alice, event.id, [cal]);
    const stranger = await suite.api.member('Sam Stranger');
    await suite.api.invite(alice, stranger);
    const { context, page: tab } = await suite.signIn(alice);

    await tab.goto(SENT);
    const chips = tab.getByRole('group', { name: 'Show sent invitations for' });
    const rows = tab.getByRole('list', { name: 'Sent invitations' }).getByRole('listitem');
    await rows.filter({ hasText: 'Sam Stranger' }).waitFor();
    expect(await rows.count()).toBe(3);

    await chips.getByRole('button', { name: /People/ }).click();
    await rows.filter({ hasText: 'Bea Member' }).waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'Sam Stranger' }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    await chips.getByRole('button', { name: /Pages/ }).click();
    await rows.filter({ hasText: 'Bea Member' }).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Invited to follow Initech Engineering');
    expect(tab.url()).toContain('kind=page');

    await chips.getByRole('button', { name: /Events/ }).click();
    await rows.filter({ hasText: 'Cal Colleague' }).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Invited to Initech Launch Party');
    expect(await rows.first().textContent()).not.toContain('Bea Member');
    await context.close();
  });

  it('accepting a page invitation on the Received tab makes the member a follower (R10, R21)', async () => {
    const page = await targets.createPage(alice, 'Globex Data Guild');
    await targets.invitePage(alice, page.id, [dee]);
    expect((await targets.getPage(dee, page.id)).following).toBe(false);
    const { context, page: tab } = await suite.signIn(dee);

    await tab.goto('/mynetwork/invitation-manager/received?kind=page');
    const row = tab.getByRole('listitem').filter({ hasText: 'Globex Data Guild' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Invited you to follow Globex Data Guild');
    const answer = "Alice Admin's invitation to follow the page Globex Data Guild";
    await row.getByRole('button', { name: `Ignore ${answer}`, exact: true }).waitFor();
    await row.getByRole('button', { name: `Accept ${answer}`, exact: true }).click();
    await tab.getByText('You now follow Globex Data Guild.').waitFor();
    await row.waitFor({ state: 'detached' });

    const after = await targets.getPage(dee, page.id);
    expect(after.following).toBe(true);
    expect(after.followerCount).toBe(2);
    await context.close();
  });

  it('the answer buttons of an event invitation name the event to a screen reader, not only its sender', async () => {
    const event = await targets.createEvent(alice, 'Initech Hack Night', 12);
    await targets.inviteEvent(alice, event.id, [cal]);
    const { context, page: tab } = await suite.signIn(cal);

    await tab.goto('/mynetwork/invitation-manager/received?kind=event');
    const row = tab.getByRole('listitem').filter({ hasText: 'Initech Hack Night' });
    const answer = "Alice Admin's invitation to the event Initech Hack Night";
    await row.getByRole('button', { name: `Accept ${answer}`, exact: true }).waitFor();
    await row.getByRole('button', { name: `Ignore ${answer}`, exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await context.close();
  });

  it('an admin invites connections from the page view: who cannot be invited says why, and each result reads in plain words', async () => {
    const page = await targets.createPage(
      alice,
      'Hooli Alumni',
      'People who once worked at Hooli.',
    );
    const follow = (member: Member) =>
      ok(
        suite.api
          .as(member)
          .PUT('/api/v1/pages/{id}/follow', { params: { path: { id: page.id } } }),
      );
    await follow(bea);
    const { context, page: tab } = await suite.signIn(alice);

    await tab.goto(`/pages/${page.id}`);
    await tab.getByRole('heading', { level: 1, name: 'Hooli Alumni' }).waitFor();
    const renews = longDate(page.credits!.renewsAt);
    await tab
      .getByText(`100 of 100 invitation credits left this month. They renew on ${renews}.`)
      .waitFor();
    expect(await seriousViolations(tab)).toEqual([]);

    await tab.getByRole('button', { name: 'Invite connections' }).click();
    const dialog = tab.getByRole('dialog', { name: 'Invite connections to follow Hooli Alumni' });
    const box = (name: RegExp) => dialog.getByRole('checkbox', { name });
    const row = (name: string) => dialog.getByRole('listitem').filter({ hasText: name });
    await box(/Cal Colleague/).waitFor();
    // R21: a follower and a member who opted out cannot be ticked, and say why.
    expect(await row('Bea Member').textContent()).toContain('Already follows this page');
    expect(await box(/Bea Member/).isDisabled()).toBe(true);
    await dialog.getByRole('searchbox', { name: 'Search your connections' }).fill('eve');
    await box(/Cal Colleague/).waitFor({ state: 'detached' });
    expect(await row('Eve Optout').textContent()).toContain('Does not take page invitations');
    expect(await box(/Eve Optout/).isDisabled()).toBe(true);
    await dialog.getByRole('searchbox', { name: 'Search your connections' }).fill('');
    await box(/Cal Colleague/).check();
    await box(/Dee Developer/).check();
    await dialog.getByText('2 people selected.').waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    await shoot(tab, 'page-invite-dialog-desktop', false);
    // Dee follows the page meanwhile: the send tells, the other invitation still goes.
    await follow(dee);
    await dialog.getByRole('button', { name: 'Send 2 invitations' }).click();

    await dialog.getByText('1 invitation sent. 1 person could not be invited.').waitFor();
    const results = dialog.getByRole('list', { name: 'Invitation results' });
    expect(
      await results.getByRole('listitem').filter({ hasText: 'Cal Colleague' }).textContent(),
    ).toContain('Invitation sent');
    expect(
      await results.getByRole('listitem').filter({ hasText: 'Dee Developer' }).textContent(),
    ).toContain('Dee already follows this page.');
    expect(await seriousViolations(tab)).toEqual([]);
    await shoot(tab, 'page-invite-results-desktop', false);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tab
      .getByText('99 of 100 invitation credits left this month.', { exact: false })
      .waitFor();

    // Opened again, the invited connection reads as invited (R1).
    await tab.getByRole('button', { name: 'Invite connections' }).click();
    await row('Cal Colleague').getByText('Already invited').waitFor();
    expect(await box(/Cal Colleague/).isDisabled()).toBe(true);
    await tab.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const received = await targets.received(cal, 'page');
    expect(received.map((item) => item.target?.name)).toEqual(['Hooli Alumni']);
    await shoot(tab, 'page-view-desktop');
    await context.close();
  });

  it('a follower sees the page without credits and can unfollow, then follow again', async () => {
    const page = await targets.createPage(alice, 'Acme Makers');
    await ok(
      suite.api.as(bea).PUT('/api/v1/pages/{id}/follow', { params: { path: { id: page.id } } }),
    );
    const { context, page: tab } = await suite.signIn(bea);

    await tab.goto(`/pages/${page.id}`);
    await tab.getByText('You follow this page').waitFor();
    expect(await tab.getByText('invitation credits').count()).toBe(0);
    expect(await tab.getByRole('button', { name: 'Invite connections' }).count()).toBe(0);
    await tab.getByRole('list').getByText('Alice Admin').waitFor();

    await tab.getByRole('button', { name: 'Unfollow' }).click();
    await tab.getByText('You no longer follow Acme Makers.').waitFor();
    await tab.getByText('1 follower', { exact: true }).waitFor();
    expect((await targets.getPage(bea, page.id)).following).toBe(false);
    await tab.getByRole('button', { name: 'Follow', exact: true }).click();
    await tab.getByText('2 followers', { exact: true }).waitFor();
    expect((await targets.getPage(bea, page.id)).following).toBe(true);
    await context.close();
  });

  it('creates a page from /pages and lists it', async () => {
    const { context, page: tab } = await suite.signIn(cal);
    await tab.goto('/pages');
    await tab.getByText('No pages yet').waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.getByLabel('Name', { exact: true }).fill('Design Systems Circle');
    await tab.getByLabel('What is it about? (optional)').fill('Tokens, components, and tea.');
    await tab.getByRole('button', { name: 'Create page' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Design Systems Circle' }).waitFor();
    expect(tab.url()).toMatch(/\/pages\/[^/]+$/);
    await tab.getByText("You're an admin").waitFor();

    await tab.getByRole('link', { name: 'Pages', exact: true }).click();
    const list = tab.getByRole('list', { name: 'Your pages' });
    await list.getByRole('link', { name: 'Design Systems Circle' }).waitFor();
    await shoot(tab, 'pages-desktop');
    await context.close();
  });

  it('an event shows its start in the member’s time zone, attendees, and the weekly limit in words (R22)', async () => {
    const event = await targets.createEvent(alice, 'Winter Meetup', 5, 'Initech HQ, Floor 3');
    await targets.inviteEvent(alice, event.id, [bea]);
    const { context, page: tab } = await suite.signIn(alice, {
      timezoneId: 'America/New_York',
    });

    await tab.goto(`/events/${event.id}`);
    await tab.getByRole('heading', { level: 1, name: 'Winter Meetup' }).waitFor();
    const expected = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: 'America/New_York',
    }).format(new Date(event.startsAt));
    expect(expected).toContain('18:30');
    expect(await tab.locator('time').first().textContent()).toBe(expected);
    await tab.getByText('Shown in your time zone, America/New_York.').waitFor();
    await tab.getByRole('list', { name: 'Attendees' }).getByText('Alice Admin').waitFor();
    await tab.getByText('You can send 1 more invitation this week.', { exact: false }).waitFor();
    expect(await seriousViolations(tab)).toEqual([]);

    await tab.getByRole('button', { name: 'Invite connections' }).click();
    const dialog = tab.getByRole('dialog', { name: 'Invite connections to Winter Meetup' });
    // More picked than the allowance left: nothing goes until the choice fits it.
    await dialog.getByRole('checkbox', { name: /Cal Colleague/ }).check();
    const dee = dialog.getByRole('checkbox', { name: /Dee Developer/ });
    await dee.check();
    await dialog
      .getByText('2 people selected, 1 more than the 1 invitation left: unselect 1 to send.')
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Send 2 invitations' }).isDisabled()).toBe(
      true,
    );
    await dee.uncheck();
    await dialog.getByRole('button', { name: 'Send 1 invitation' }).click();
    await dialog.getByText('1 invitation sent.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const button = tab.getByRole('button', { name: 'Invite connections' });
    await expect.poll(() => button.isDisabled()).toBe(true);
    await tab
      .getByText('Winter Meetup has sent its 2 invitations for this week', { exact: false })
      .waitFor();
    await shoot(tab, 'event-view-desktop');
    await context.close();

    const attendee = await suite.signIn(bea, { viewport: PHONE });
    const [invitation] = await targets.received(bea, 'event');
    await ok(
      suite.api.as(bea).POST('/api/v1/invitations/{id}/accept', {
        params: { path: { id: invitation!.id } },
      }),
    );
    await attendee.page.goto(`/events/${event.id}`);
    await attendee.page.getByText('You’re attending').waitFor();
    await attendee.page.getByRole('list', { name: 'Attendees' }).getByText('Bea Member').waitFor();
    expect(await attendee.page.getByRole('button', { name: 'Invite connections' }).count()).toBe(0);
    await expectFitsPhone(attendee.page);
    expect(await seriousViolations(attendee.page)).toEqual([]);
    await shoot(attendee.page, 'event-view-phone');
    await attendee.context.close();

    // Once it has begun, the event says it is past, and what Bea did there.
    await suite.api.advanceDays(6);
    const later = await suite.signIn(bea);
    await later.page.goto(`/events/${event.id}`);
    await later.page.getByText('You attended').waitFor();
    await later.page.getByText('Past event').waitFor();
    await later.page.goto('/events');
    const row = later.page
      .getByRole('list', { name: 'Past events' })
      .getByRole('listitem')
      .filter({ hasText: 'Winter Meetup' });
    await row.getByText('You attended').waitFor();
    expect(await row.getByText(/^(Past event|You attended)$/).allTextContents()).toEqual([
      'Past event',
      'You attended',
    ]);
    await later.context.close();
  });

  it('creates an event from /events in the member’s time zone', async () => {
    const { context, page: tab } = await suite.signIn(dee, {
      timezoneId: 'Europe/Paris',
    });
    await tab.goto('/events');
    await tab.getByText('No events yet').waitFor();
    await tab.getByText('In your time zone (Europe/Paris).', { exact: false }).waitFor();
    expect(await seriousViolations(tab)).toEqual([]);

    // The button stays in reach and, pressed early, points at what is missing.
    const now = await suite.api.serverNow();
    const day = new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
    const create = tab.getByRole('button', { name: 'Create event' });
    const focused = () => tab.evaluate(() => document.activeElement?.id);
    await create.click();
    expect(await focused()).toBe('event-name');
    await tab.getByLabel('Name', { exact: true }).fill('   ');
    await tab.getByLabel('Starts').fill(`${day}T09:00`);
    await create.click();
    await tab.getByText('Give the event a name.').waitFor();
    expect(await focused()).toBe('event-name');
    await tab.getByLabel('Name', { exact: true }).fill('Paris Coffee Morning');
    expect(await tab.getByText('Give the event a name.').count()).toBe(0);
    await tab.getByLabel('Starts').fill('');
    await create.focus();
    await tab.keyboard.press('Enter');
    expect(await focused()).toBe('event-start');
    expect(new URL(tab.url()).pathname).toBe('/events');

    await tab.getByLabel('Starts').fill(`${day}T09:00`);
    await tab.getByLabel('Where (optional)').fill('Café de Flore');
    await create.click();
    await tab.getByRole('heading', { level: 1, name: 'Paris Coffee Morning' }).waitFor();

    const id = tab.url().split('/').pop()!;
    const created = await targets.getEvent(dee, id);
    const hourInParis = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Paris',
    }).format(new Date(created.startsAt));
    expect(hourInParis).toBe('09:00');

    await tab.getByRole('link', { name: 'Events', exact: true }).click();
    await tab
      .getByRole('list', { name: 'Upcoming events' })
      .getByText('Paris Coffee Morning')
      .waitFor();
    await shoot(tab, 'events-desktop');
    await context.close();
  });

  it('pages and events fit a 375 px screen with no serious axe violations', async () => {
    const page = await targets.createPage(
      alice,
      'Umbrella Research Network',
      'A long description. '.repeat(12),
    );
    const event = await targets.createEvent(
      alice,
      'Umbrella Annual Research Symposium and Networking Evening',
      20,
    );
    const { context, page: tab } = await suite.signIn(alice, { viewport: PHONE });

    for (const [path, ready] of [
      ['/pages', 'Umbrella Research Network'],
      [`/pages/${page.id}`, 'invitation credits left'],
      ['/events', 'Umbrella Annual Research Symposium'],
      [`/events/${event.id}`, 'more invitations this week'],
    ] as const) {
      await tab.goto(path);
      await tab.getByText(ready, { exact: false }).first().waitFor();
      await expectFitsPhone(tab);
      expect(await seriousViolations(tab)).toEqual([]);
    }
    await shoot(tab, 'event-organiser-phone');

    await tab.goto(`/pages/${page.id}`);
    await tab.getByRole('button', { name: 'Invite connections' }).click();
    await tab
      .getByRole('dialog')
      .getByRole('checkbox', { name: /Bea Member/ })
      .check();
    // The dialog is taller than the screen: its buttons stay in view at its foot.
    const send = await tab
      .getByRole('dialog')
      .getByRole('button', { name: 'Send 1 invitation' })
      .boundingBox();
    expect(send!.y + send!.height).toBeLessThanOrEqual(PHONE.height);
    // So does the count of who is ticked, uncovered.
    const count = tab.getByRole('dialog').getByText('1 person selected.');
    const counted = await count.boundingBox();
    expect(counted!.y + counted!.height).toBeLessThanOrEqual(PHONE.height);
    expect(
      await count.evaluate((note) => {
        const { left, top, width, height } = note.getBoundingClientRect();
        return note.contains(document.elementFromPoint(left + width / 2, top + height / 2));
      }),
    ).toBe(true);
    await expectFitsPhone(tab);
    expect(await seriousViolations(tab)).toEqual([]);
    await shoot(tab, 'page-invite-dialog-phone', false);
    await tab.keyboard.press('Escape');

    await tab.goto('/pages');
    await tab.getByText('Umbrella Research Network').first().waitFor();
    await shoot(tab, 'pages-phone');

    const dark = await suite.signIn(alice, { viewport: DESKTOP, colorScheme: 'dark' });
    await dark.page.goto(`/pages/${page.id}`);
    await dark.page.getByText('invitation credits left', { exact: false }).waitFor();
    expect(await seriousViolations(dark.page)).toEqual([]);
    await shoot(dark.page, 'page-view-dark-desktop');
    await dark.context.close();
    await context.close();
  });
});
