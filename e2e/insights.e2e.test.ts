import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { memberRow, seedMembers } from '../test/helpers/members.js';
import { seedInvitationsBulk } from '../test/helpers/network.js';
import { type Member, ok } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import { DESKTOP, gapBelow, PHONE, shoot } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

async function barHeight(bar: Locator): Promise<number> {
  return Number(await bar.locator('rect').getAttribute('height'));
}

/** The rows of a chart's text alternative, as [label, number] pairs. */
async function tableRows(page: Page, caption: string): Promise<[string, string][]> {
  const table = page.getByRole('table', { name: caption });
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => [
      (await row.locator('th').textContent()) ?? '',
      (await row.locator('td').textContent()) ?? '',
    ]),
  );
}

describe('Insights: invitation figures and network composition, drawn as SVG', () => {
  const suite = setupSuite();
  let alice: Member;
  let newcomer: Member;

  async function person(name: string, company: string, industry: string, location: string) {
    const member = await suite.api.member(name, { company });
    await ok(suite.api.as(member).PATCH('/api/v1/me', { body: { industry, location } }));
    return member;
  }

  /**
   * Alice connects with three people (3 accepted), then sends 7 connection invitations spread
   * over 45 days and 1 page invitation: ages 45 · 30, 30 · 10 · 3, 3, 3 and 0 days. The first
   * carries a note and says they are colleagues, the second says they are friends.
   */
  beforeAll(async () => {
    alice = await suite.api.member('Alice Analyst', { headline: 'Head of people at Initech' });
    newcomer = await suite.api.member('Nina Newcomer');
    const cal = await person('Cal Colleague', 'Initech', 'Software', 'London');
    const dee = await person('Dee Designer', 'Initech', 'Software', 'Paris');
    const eve = await person('Eve Recruiter', 'Hooli', 'Recruiting', 'London');
    for (const other of [cal, dee, eve]) await suite.api.connect(alice, other);

    const pending = (first: string) => suite.api.member(`${first} Pending`);
    await suite.api.invite(alice, await pending('Ann'), {
      note: 'Loved your talk',
      howKnown: 'colleague',
    });
    await suite.api.advanceDays(15);
    await suite.api.invite(alice, await pending('Ben'), { howKnown: 'friend' });
    await suite.api.invite(alice, await pending('Bo'));
    await suite.api.advanceDays(20);
    await suite.api.invite(alice, await pending('Cy'));
    await suite.api.advanceDays(7);
    for (const first of ['Dan', 'Dot', 'Di']) await suite.api.invite(alice, await pending(first));
    await suite.api.advanceDays(3);
    const page = await ok(
      suite.api.as(alice).POST('/api/v1/pages', { body: { name: 'Initech People' } }),
    );
    await ok(
      suite.api.as(alice).POST('/api/v1/pages/{id}/invitations', {
        params: { path: { id: page.id } },
        body: { to: [cal.handle] },
      }),
    );
  }, 90_000);

  it('draws the age histogram, the acceptance rate and the stale count from the API figures', async () => {
    const { context, page } = await suite.signIn(alice);
    await page.goto('/insights');
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();

    const bars = page.locator('svg .age-bar');
    await bars.first().waitFor();
    expect(await bars.count()).toBe(5);
    const buckets = await bars.evaluateAll((nodes) =>
      nodes.map((node) => [
        node.getAttribute('data-bucket'),
        node.querySelector('title')?.textContent,
      ]),
    );
    expect(buckets).toEqual([
      ['0-7', '0–7 days: 4 invitations'],
      ['8-14', '8–14 days: 1 invitation'],
      ['15-30', '15–30 days: 2 invitations'],
      ['31-90', '31–90 days: 1 invitation'],
      ['91-180', '91–180 days: 0 invitations'],
    ]);
    const heights = await Promise.all((await bars.all()).map(barHeight));
    expect(heights[0]).toBeGreaterThan(0);
    expect(heights[1]! / heights[0]!).toBeCloseTo(1 / 4, 1);
    expect(heights[2]! / heights[0]!).toBeCloseTo(2 / 4, 1);
    expect(heights[4]).toBe(0);
    expect(await bars.locator('.chart-value').allTextContents()).toEqual(['4', '1', '2', '1', '0']);
    expect(await tableRows(page, 'Open invitations by days since you sent them')).toEqual([
      ['0–7 days', '4'],
      ['8–14 days', '1'],
      ['15–30 days', '2'],
      ['31–90 days', '1'],
      ['91–180 days', '0'],
    ]);

    // 3 accepted of the 11 invitations sent in the last 90 days.
    const acceptance = page.getByRole('region', { name: 'Acceptance rate' });
    expect(await acceptance.locator('.figure-value').textContent()).toBe('27%');
    await acceptance
      .getByText('3 of 11 invitations you sent in the last 90 days were accepted.')
      .waitFor();
    const meter = acceptance.locator('svg rect.chart-bar');
    expect(Number.parseFloat((await meter.getAttribute('width')) ?? '')).toBeCloseTo(27.27, 1);

    const open = page.getByRole('region', { name: 'Waiting for an answer' });
    expect(await open.locator('.figure-value').textContent()).toBe('8');
    await open.getByText('7 people · 1 page · 0 events').waitFor();

    const stale = page.getByRole('region', { name: 'Older than 2 weeks' });
    expect(await stale.locator('.figure-value').textContent()).toBe('3');
    // What the clean-up would withdraw: the histogram above counts kept invitations too.
    await stale.getByText('Kept ones are not counted.').waitFor();
    await stale.getByRole('link', { name: 'Review and withdraw all 3' }).click();
    await page.getByRole('list', { name: 'Invitations that will be withdrawn' }).waitFor();
    expect(page.url()).toContain('/mynetwork/invitation-manager/sent?review=stale');
    await context.close();
  });

  it('R41 draws time to accept and the acceptance rate with and without a note and by how you know them', async () => {
    const { context, page } = await suite.signIn(alice);
    await page.goto('/insights');

    // The three connections accepted at once.
    const time = page.getByRole('region', { name: 'Time to accept' });
    expect(await time.locator('.figure-value').textContent()).toBe('less than an hour');
    await time
      .getByText(
        'The median wait of the 3 invitations accepted in the last 90 days, whenever they were sent',
      )
      .waitFor();
    const within = await time
      .locator('svg .rate-row')
      .evaluateAll((nodes) =>
        nodes.map((node) => [
          node.getAttribute('data-label'),
          node.querySelector('rect.chart-bar')?.getAttribute('width'),
        ]),
      );
    expect(within).toEqual([
      ['1 day', '100%'],
      ['7 days', '100%'],
      ['30 days', '100%'],
    ]);
    // Each chart's heading stands apart from the line of text above it, not run on from it.
    expect(
      await gapBelow(
        time.locator('.figure-note'),
        time.getByRole('heading', { name: 'Accepted within' }),
      ),
    ).toBeGreaterThanOrEqual(12);
    expect(await tableRows(page, 'Invitations accepted in the last 90 days, by how soon')).toEqual([
      ['1 day', '100% (3 of 3)'],
      ['7 days', '100% (3 of 3)'],
      ['30 days', '100% (3 of 3)'],
    ]);

    // 10 connection invitations: Ann's with a note (colleague), Ben's (friend), 8 with neither.
    const byAnswer = page.getByRole('region', { name: 'What gets your invitations accepted' });
    await byAnswer.getByText('Acceptance rate of the 10 connection invitations').waitFor();
    expect(
      await gapBelow(
        byAnswer.getByText('Acceptance rate of the 10 connection invitations'),
        byAnswer.getByRole('heading', { name: 'With or without a note' }),
      ),
    ).toBeGreaterThanOrEqual(12);
    const note = byAnswer.getByRole('region', { name: 'With or without a note' });
    const widths = await note
      .locator('svg .rate-row rect.chart-bar')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('width')));
    expect(widths).toEqual(['0%', '33.33%']);
    expect(await tableRows(page, 'Acceptance rate with and without a note')).toEqual([
      ['With a note', '0% (0 of 1)'],
      ['Without a note', '33% (3 of 9)'],
    ]);
    expect(await tableRows(page, 'Acceptance rate by how you know them')).toEqual([
      ['Colleague', '0% (0 of 1)'],
      ['Friend', '0% (0 of 1)'],
      ['Not said', '38% (3 of 8)'],
    ]);
    await context.close();
  });

  it('draws network composition by company, industry and location with the right numbers', async () => {
    const { context, page } = await suite.signIn(alice);
    await page.goto('/insights');
    const network = page.getByRole('region', { name: 'Who is in your network' });
    await network.getByRole('link', { name: '3 connections' }).waitFor();

    const expected = {
      'By company': [
        ['Initech', '2'],
        ['Hooli', '1'],
      ],
      'By industry': [
        ['Software', '2'],
        ['Recruiting', '1'],
      ],
      'By location': [
        ['London', '2'],
        ['Paris', '1'],
      ],
    };
    for (const [title, rows] of Object.entries(expected)) {
      const chart = network.getByRole('region', { name: title });
      const drawn = await chart
        .locator('svg .ranking-row')
        .evaluateAll((nodes) =>
          nodes.map((node) => [
            node.getAttribute('data-value'),
            node.querySelector('.chart-count')?.textContent,
            node.querySelector('rect.chart-bar')?.getAttribute('width'),
          ]),
        );
      expect(drawn).toEqual([
        [rows[0]![0], rows[0]![1], '100%'],
        [rows[1]![0], rows[1]![1], '50%'],
      ]);
      const noun = title.replace('By ', '');
      expect(await tableRows(page, `Your connections by ${noun}`)).toEqual(rows);
    }
    await context.close();
  });

  it('says how many connections a ranking leaves out, so that its bars do not read as the whole network', async () => {
    const omar = await suite.api.member('Omar Owner');
    const placed = await person('Pia Placed', 'Umbrella', 'Biotech', 'Oslo');
    const unplaced = await suite.api.member('Quinn Quiet', { company: 'Umbrella' });
    for (const other of [placed, unplaced]) await suite.api.connect(omar, other);
    const { context, page } = await suite.signIn(omar);
    await page.goto('/insights');
    const network = page.getByRole('region', { name: 'Who is in your network' });
    await network.getByRole('link', { name: '2 connections' }).waitFor();

    const byLocation = network.getByRole('region', { name: 'By location' });
    await byLocation.getByText('1 more connection with another location or none given').waitFor();
    const byCompany = network.getByRole('region', { name: 'By company' });
    expect(await tableRows(page, 'Your connections by company')).toEqual([['Umbrella', '2']]);
    expect(await byCompany.getByText(/more connection/).count()).toBe(0);
    await context.close();
  });

  it('fits desktop and a 375 px phone, light and dark, with no serious axe violations; screenshots', async () => {
    for (const [name, viewport, colorScheme] of [
      ['insights-charts-desktop', DESKTOP, 'light'],
      ['insights-charts-phone', PHONE, 'light'],
      ['insights-charts-dark-phone', PHONE, 'dark'],
    ] as const) {
      const { context, page } = await suite.signIn(alice, { viewport, colorScheme });
      await page.goto('/insights');
      await page.locator('svg .ranking-row').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      // The charts stand apart from the connections link, also where it wraps under the title.
      const network = page.getByRole('region', { name: 'Who is in your network' });
      expect(
        await gapBelow(
          network.getByRole('link', { name: /connections/ }),
          network.getByRole('heading', { name: 'By company' }),
        ),
      ).toBeGreaterThanOrEqual(12);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, name);
      await context.close();
    }
  });

  it('says what to do next when there is nothing to chart yet', async () => {
    const { context, page } = await suite.signIn(newcomer, { viewport: PHONE });
    await page.goto('/insights');
    await page.getByText('No invitations are waiting for an answer').waitFor();
    await page.getByText('No connections yet').waitFor();
    await page.getByText("You haven't sent any invitations in the last 90 days.").waitFor();
    await page
      .getByText('None of your invitations was accepted in the last 90 days.', { exact: false })
      .waitFor();
    await page
      .getByText("You haven't sent any connection invitations in the last 90 days.")
      .waitFor();
    expect(await page.locator('svg .age-bar').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'insights-empty-phone');
    await context.close();
  });
});

describe('Insights with thousands of invitations', () => {
  const suite = setupSuite();

  it('writes every number in the member’s own format, the stale link’s included', async () => {
    const me = await suite.api.member('Tia Thousand');
    const { seeding } = suite;
    const recipients = await seedMembers(seeding, 1_200);
    await seedInvitationsBulk(seeding, await memberRow(seeding, me.handle), recipients);
    await suite.api.advanceDays(15);

    for (const [locale, figure] of [
      ['en-GB', '1,200'],
      ['de-DE', '1.200'],
    ] as const) {
      const { context, page } = await suite.signIn(me, { locale });
      await page.goto('/insights');
      const open = page.getByRole('region', { name: 'Waiting for an answer' });
      await open.getByText(`${figure} people · 0 pages · 0 events`).waitFor();
      expect(await open.locator('.figure-value').textContent()).toBe(figure);
      const stale = page.getByRole('region', { name: 'Older than 2 weeks' });
      expect(await stale.locator('.figure-value').textContent()).toBe(figure);
      await stale.getByRole('link', { name: `Review and withdraw all ${figure}` }).waitFor();
      const age = await tableRows(page, 'Open invitations by days since you sent them');
      expect(age).toContainEqual(['15–30 days', figure]);
      await context.close();
    }
  });
});
