import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/types.js';
import { systemClock } from '../../src/lib/clock.js';
import { generateNetwork } from '../../src/seed/generate.js';
import { issueTokens, type TokenHolder } from '../../src/seed/generate.tokens.js';

export type LoadMember = TokenHolder;

/**
 * Members without connections or invitations who take invitations from anyone (R8), each with
 * a personal access token; some of the `count` generated ones may ask for an email instead.
 */
export async function seedMembersWithTokens(
  database: Database,
  url: string,
  count: number,
): Promise<LoadMember[]> {
  const now = systemClock.now();
  await generateNetwork({
    databaseUrl: url,
    members: count,
    invitations: 0,
    connections: 0,
    rules: loadConfig({}).rules,
    now,
  });
  const members = await database.db
    .selectFrom('members')
    .select(['id', 'handle'])
    .where('invitation_policy', '=', 'everyone')
    .orderBy('id')
    .execute();
  return issueTokens(url, members, now);
}
