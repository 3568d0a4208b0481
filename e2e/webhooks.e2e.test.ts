import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Receiver } from '../test/integrations/receiver.js';
import type { Member } from './helpers/api.js';
import { seriousViolations } from './helpers/axe.js';
import { focusedText, holdRequests, pressWhileHeld } from './helpers/browser.js';
import { setupSuite } from './helpers/suite.js';

describe('Settings → Webhooks (R35)', () => {
  const suite = setupSuite({ RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1' });
  let receiver: Receiver;
  let alice: Member;
  let bob: Member;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    alice = await suite.api.member('Alice Integrator');
    bob = await suite.api.member('Bob Sender');
  });
  afterAll(async () => {
    await receiver.stop();
  });

  /**
   * Runs the due jobs, webhook deliveries among them. Like the test clock, this route exists only
   * in test-clock mode and stays out of the description, so it is called by hand.
   */
  async function runDueJobs(): Promise<void> {
    const response = await fetch(`${suite.api.baseUrl}/api/v1/test/jobs/run`, { method: 'POST' });
    if (!response.ok) throw new Error(`run jobs → ${response.status} ${await response.text()}`);
  }

  it('R35: adds a webhook with the secret shown once, shows its delivery log, and deletes it', async () => {
    const { context, page } = await suite.signIn(alice);
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Manage webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No webhooks yet').waitFor();

    await page.getByLabel('URL').fill(receiver.url('/alice'));
    await page.getByLabel('You ignored an invitation').uncheck();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secretField = page.getByLabel('Signing secret', { exact: true });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await secretField.waitFor({ state: 'detached' });
    const list = page.getByRole('list', { name: 'Webhooks' });
    await list.getByText(receiver.url('/alice')).waitFor();
    await list.getByText('7 events').waitFor();

    await suite.api.invite(bob, alice);
    await runDueJobs();
    expect(receiver.verifiedEvents('/alice', secret).map((e) => e.type)).toEqual([
      'invitation.received',
    ]);

    await page.getByRole('button', { name: 'Delivery log' }).click();
    const log = page.getByRole('table', { name: 'Delivery attempts, newest first' });
    await log.getByText('invitation.received').waitFor();
    // At 375 px the name breaks after its dot, if at all, never inside a word: each of its
    // words lies on one line.
    await page.setViewportSize({ width: 375, height: 800 });
    const linesPerWord = await log
      .locator('.event-name')
      .first()
      .evaluate((code) => {
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        const lines: number[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          lines.push(range.getClientRects().length);
        }
        return lines;
      });
    expect(linesPerWord).toEqual([1, 1, 1]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await log.getByText('Delivered: answered 200').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole('button', { name: `Delete the webhook to ${receiver.url('/alice')}` })
      .click();
    await page
      .getByRole('dialog', { name: 'Delete this webhook?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByText('No webhooks yet').waitFor();
    await context.close();
  });

  it('R35: a refused URL is explained in words, not as a code', async () => {
    const { context, page } = await suite.signIn(bob);
    await page.goto('/settings/webhooks');
    await page.getByLabel('URL').fill('ftp://example.com/hook');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page
      .getByText(
        'That URL cannot receive webhooks. Use an https address that is reachable on the internet.',
      )
      .waitFor();
    // The refusal was of that address: it goes once the address changes.
    await page.getByLabel('URL').fill('https://example.com/hook');
    await expect
      .poll(() => page.getByText('That URL cannot receive webhooks.', { exact: false }).count())
      .toBe(0);
    // With no event ticked, the disabled button says why.
    for (const box of await page
      .getByRole('group', { name: 'Send these events' })
      .getByRole('checkbox')
      .all())
      await box.uncheck();
    const add = page.getByRole('button', { name: 'Add webhook' });
    expect(await add.isDisabled()).toBe(true);
    expect(await add.getAttribute('aria-describedby')).toBe('webhook-events-hint');
    await page.getByText('Tick at least one event to add the webhook.').waitFor();
    await context.close();
  });

  it('R35: Add webhook keeps the focus while it sends, the secret then takes it, and "I have copied it" hands it to the list', async () => {
    const carol = await suite.api.member('Carol Keyboard');
    const { context, page } = await suite.signIn(carol);
    const creations = await holdRequests(page, 'POST', '**/api/v1/me/webhooks');

    await page.goto('/settings/webhooks');
    await page.getByLabel('URL').fill(receiver.url('/carol'));
    await pressWhileHeld(
      page,
      page.getByRole('button', { name: 'Add webhook' }),
      creations,
      'Add webhook',
    );
    await page.keyboard.press('Enter');

    await creations[0]!.continue();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('webhook-secret');
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toMatch(/^whsec_/);
    const copied = page.getByRole('button', { name: 'I have copied it' });
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('I have copied it');
    await page.keyboard.press('Enter');
    await copied.waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe('Your webhooks');
    await page.getByRole('list', { name: 'Webhooks' }).getByText(receiver.url('/carol')).waitFor();
    expect(creations).toHaveLength(1);
    await context.close();
  });
});
