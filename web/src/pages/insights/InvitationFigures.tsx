import { Link } from 'react-router';
import type { Insights } from '../../api/types.js';
import { plural } from '../../lib/member.js';
import { formatCount } from '../../lib/format.js';
import { StaleAge } from '../invitations/StaleAge.js';
import { percent } from './format.js';

function AcceptanceFigure({ acceptance }: { acceptance: Insights['acceptance'] }) {
  const { rate, sent, accepted, windowDays } = acceptance;
  return (
    <section className="card figure-card" aria-labelledby="acceptance-title">
      <h2 id="acceptance-title" className="figure-title">
        Acceptance rate
      </h2>
      <p className="figure-value">
        {rate === null ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">No rate yet</span>
          </>
        ) : (
          percent(rate)
        )}
      </p>
      {rate !== null && (
        <svg className="chart-svg meter" width="100%" height="10" aria-hidden="true">
          <rect className="chart-track" x="0" y="0" width="100%" height="10" rx="5" />
          <rect className="chart-bar" x="0" y="0" width={`${rate * 100}%`} height="10" rx="5" />
        </svg>
      )}
      <p className="figure-note">
        {rate === null
          ? `You haven't sent any invitations in the last ${windowDays} days.`
          : `${formatCount(accepted)} of ${plural(sent, 'invitation')} you sent in the last ${windowDays} days ${accepted === 1 ? 'was' : 'were'} accepted.`}
      </p>
    </section>
  );
}

function OpenFigure({ open }: { open: Insights['open'] }) {
  const { connection, page, event } = open.byKind;
  return (
    <section className="card figure-card" aria-labelledby="open-title">
      <h2 id="open-title" className="figure-title">
        Waiting for an answer
      </h2>
      <p className="figure-value">{formatCount(open.total)}</p>
      <p className="figure-note">
        {plural(connection, 'person', 'people')} · {plural(page, 'page')} · {plural(event, 'event')}
      </p>
    </section>
  );
}

function StaleFigure({ stale }: { stale: number }) {
  return (
    <section className="card figure-card" aria-labelledby="stale-title">
      <h2 id="stale-title" className="figure-title">
        Older than <StaleAge />
      </h2>
      <p className="figure-value">{formatCount(stale)}</p>
      {stale === 0 ? (
        <p className="figure-note">
          Nothing to tidy up. Old invitations you haven&apos;t kept show up here.
        </p>
      ) : (
        <p className="figure-note">
          Old invitations rarely get answered. Kept ones are not counted.{' '}
          <Link to="/mynetwork/invitation-manager/sent?review=stale">
            Review and withdraw {stale === 1 ? 'it' : `all ${formatCount(stale)}`}
          </Link>
        </p>
      )}
    </section>
  );
}

export function InvitationFigures({ insights }: { insights: Insights }) {
  return (
    <div className="figure-grid">
      <AcceptanceFigure acceptance={insights.acceptance} />
      <OpenFigure open={insights.open} />
      <StaleFigure stale={insights.stale} />
    </div>
  );
}
