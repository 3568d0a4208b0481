/**
 * R21: a page's monthly invitation credits are taken here when an invitation is sent and given
 * back here when one is accepted; an ignored, withdrawn or expired invitation keeps its credit spent.
 */
import type { Db, Tx } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import { startOfNextMonth } from '../../lib/time.js';
import { creditMonth } from './page.js';
import { creditsUsed, returnCredit, spendCredit } from './page.repository.js';

function exhausted(page: { name: string }, limit: number, now: Date): DomainError {
  return new DomainError(
    'page_credits_exhausted',
    `${page.name} has used its ${limit} invitation credits for this month; they renew on the 1st.`,
    { retryAt: startOfNextMonth(now) },
  );
}

/** Refuses before any recipient is tried when this month's credits are gone. */
export async function ensureCreditLeft(
  db: Db,
  page: { id: string; name: string },
  limit: number,
  now: Date,
): Promise<void> {
  if ((await creditsUsed(db, page.id, creditMonth(now))) >= limit) {
    throw exhausted(page, limit, now);
  }
}

/** Spends one credit for one send, inside the send's transaction, or refuses. */
export async function takeCredit(
  tx: Tx,
  page: { id: string; name: string },
  limit: number,
  now: Date,
): Promise<void> {
  if (!(await spendCredit(tx, page.id, creditMonth(now), limit))) throw exhausted(page, limit, now);
}

/** An accepted invitation gives back the credit of the month it was sent in. */
export async function giveCreditBack(tx: Tx, pageId: string, sentAt: string): Promise<void> {
  await returnCredit(tx, pageId, creditMonth(new Date(sentAt)));
}
