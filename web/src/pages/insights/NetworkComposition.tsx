import { Link } from 'react-router';
import type { Insights } from '../../api/types.js';
import { EmptyState } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { RankingChart } from './RankingChart.js';

export function NetworkComposition({ network }: { network: Insights['network'] }) {
  return (
    <section className="card" aria-labelledby="network-title">
      <div className="card-header">
        <h2 id="network-title" className="card-title">
          Who is in your network
        </h2>
        {network.connections > 0 && (
          <Link to="/connections" className="card-link">
            {plural(network.connections, 'connection')}
          </Link>
        )}
      </div>
      {network.connections === 0 ? (
        <EmptyState title="No connections yet">
          <p>
            Once people accept your invitations, you&apos;ll see where they work and live. Start
            with <Link to="/mynetwork">people you may know</Link>.
          </p>
        </EmptyState>
      ) : (
        <div className="ranking-grid">
          <RankingChart
            id="by-company"
            title="By company"
            noun="Company"
            items={network.byCompany}
            connections={network.connections}
            emptyText="None of your connections has a company on their profile yet."
          />
          <RankingChart
            id="by-industry"
            title="By industry"
            noun="Industry"
            items={network.byIndustry}
            connections={network.connections}
            emptyText="None of your connections has an industry on their profile yet."
          />
          <RankingChart
            id="by-location"
            title="By location"
            noun="Location"
            items={network.byLocation}
            connections={network.connections}
            emptyText="None of your connections has a location on their profile yet."
          />
        </div>
      )}
    </section>
  );
}
