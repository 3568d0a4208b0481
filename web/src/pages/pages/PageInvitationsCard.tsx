import { inviteToPage } from '../../api/endpoints.js';
import type { InvitationAllowance, PageView } from '../../api/types.js';
import { formatDate } from '../../lib/time.js';
import { InviteConnectionsCard } from '../shared/InviteConnectionsCard.js';
import type { QuotaRefusal } from './InviteResults.js';
import { formatCount } from '../../lib/format.js';

function creditsLine(credits: InvitationAllowance): string {
  const renews = credits.renewsAt ? ` They renew on ${formatDate(credits.renewsAt)}.` : '';
  return `${formatCount(credits.remaining)} of ${formatCount(credits.limit)} invitation credits left this month.${renews}`;
}

/** Admins only: the page's monthly credits (R21) and inviting connections to follow it. */
export function PageInvitationsCard({
  page,
  credits,
}: {
  page: PageView;
  credits: InvitationAllowance;
}) {
  const quota: QuotaRefusal = {
    code: 'page_credits_exhausted',
    describe: (retryAt) =>
      `${page.name} has used all ${formatCount(credits.limit)} invitation credits for this month.` +
      (retryAt ? ` New credits arrive on ${formatDate(retryAt)}.` : ''),
  };

  return (
    <InviteConnectionsCard
      target={{ kind: 'page', id: page.id }}
      summary={creditsLine(credits)}
      hint="Each invitation uses a credit; you get it back when the invitation is accepted."
      allowance={creditsLine(credits)}
      remaining={credits.remaining}
      dialogTitle={`Invite connections to follow ${page.name}`}
      invite={async (handles) => (await inviteToPage(page.id, handles)).results}
      quota={quota}
    />
  );
}
