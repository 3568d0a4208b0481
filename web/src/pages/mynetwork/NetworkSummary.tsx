import { Link } from 'react-router';
import { useMe } from '../../api/queries.js';
import { formatCount } from '../../lib/format.js';

export function NetworkSummary() {
  const { data: me } = useMe();
  if (!me) return null;
  const rows = [
    { label: 'Connections', count: me.counts.connections, to: '/connections' },
    { label: 'Following', count: me.counts.following, to: '/following' },
    { label: 'Followers', count: me.counts.followers, to: '/followers' },
    { label: 'Pages', count: me.counts.pages, to: '/pages' },
    { label: 'Upcoming events', count: me.counts.upcomingEvents, to: '/events' },
    { label: 'Invitations sent', count: me.counts.sent, to: '/mynetwork/invitation-manager/sent' },
  ];
  return (
    <section className="card summary-card" aria-labelledby="summary-title">
      <h2 id="summary-title" className="card-title">
        Manage my network
      </h2>
      <ul className="summary-list">
        {rows.map((row) => (
          <li key={row.label}>
            <Link to={row.to} className="summary-row">
              <span>{row.label}</span>
              <span className="summary-count">{formatCount(row.count)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
