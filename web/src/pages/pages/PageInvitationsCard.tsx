import { useState } from 'react';
import { inviteToPage } from '../../api/endpoints.js';
import type { InvitationAllowance, PageView } from '../../api/types.js';
import { formatDate } from '../../lib/time.js';
import { InviteConnectionsDialog } from './InviteConnectionsDialog.js';
import type { QuotaRefusal } from './InviteResults.js';

function creditsLine(credits: InvitationAllowance): string {
  const renews = credits.renewsAt ? ` They renew on ${formatDate(credits.renewsAt)}.` : '';
  return `${credits.remaining.toLocaleString('en-GB')} of ${credits.limit.toLocaleString('en-GB')} invitation credits left this month.${renews}`;
}

/** Admins only: the page's monthly credits (R21) and inviting connections to follow it. */
export function PageInvitationsCard({
  page,
  credits,
}: {
  page: PageView;
  credits: InvitationAllowance;
}) {
  const [inviting, setInviting] = useState(false);
  const quota: QuotaRefusal = {
    code: 'page_credits_exhausted',
    describe: (retryAt) =>
      `${page.name} has used all ${credits.limit.toLocaleString('en-GB')} invitation credits for this month.` +
      (retryAt ? ` New credits arrive on ${formatDate(retryAt)}.` : ''),
  };

  return (
    <section className="card" aria-labelledby="page-invite-title">
      <h2 id="page-invite-title" className="card-title">
        Invite connections
      </h2>
      <p id="page-credits">{creditsLine(credits)}</p>
      <p className="hint">
        Each invitation uses a credit; you get it back when the invitation is accepted.
      </p>
      <div className="profile-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={credits.remaining === 0}
          aria-describedby="page-credits"
          onClick={() => setInviting(true)}
        >
          Invite connections
        </button>
      </div>
      {inviting && (
        <InviteConnectionsDialog
          title={`Invite connections to follow ${page.name}`}
          allowance={creditsLine(credits)}
          invite={async (handles) => (await inviteToPage(page.id, handles)).results}
          quota={quota}
          onClose={() => setInviting(false)}
        />
      )}
    </section>
  );
}
