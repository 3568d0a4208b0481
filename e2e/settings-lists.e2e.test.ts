import { describe, expect, it } from 'vitest';
import { memberRow } from '../test/helpers/members.js';
import { newId } from '../src/lib/ids.js';
import { setupSuite } from './helpers/suite.js';

/** The web app reads the account's lists 50 rows at a time. */
const PAGE = 50;

describe('Settings lists reach their end (R40)', () => {
  const suite = setupSuite();

  it('R28 R40: personal access tokens past the first page come with "Show more tokens"', async () => {
    const me = await suite.api.member('Tina Tokens');
    const { id } = await memberRow(suite.seeding, me.handle);
    const at = new Date('2026-01-01T00:00:00.000Z');
    // With the token made at sign-up, one more than a page and a half.
    const rows = Array.from({ length: PAGE + 25 }, (_, i) => ({
      id: newId(at),
      member_id: id,
      name: `script ${i}`,
      token_hash: `seeded-${me.handle}-${i}`,
      created_at: at.toISOString(),
      last_used_at: null,
      scope: 'read' as const,
      expires_at: null,
    }));
    await suite.seeding.ctx.database.db.insertInto('access_tokens').values(rows).execute();

    const { context, page } = await suite.signIn(me);
    await page.goto('/settings');
    const tokens = page.getByRole('list', { name: 'Tokens' }).getByRole('listitem');
    await expect.poll(() => tokens.count()).toBe(PAGE);
    // A click would scroll the button into view, where the list loads its next page by itself
    // and takes the button away before the click lands; the event alone tests the button.
    await page.getByRole('button', { name: 'Show more tokens' }).dispatchEvent('click');
    await expect.poll(() => tokens.count()).toBe(PAGE + 26);
    await page.getByText(`All ${PAGE + 26} shown`).waitFor();
    await context.close();
  });
});
