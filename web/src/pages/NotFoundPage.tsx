import { Link } from 'react-router';
import { EmptyState } from '../components/Status.js';

export function NotFoundPage() {
  return (
    <div className="card">
      <title>Page not found | Rapport</title>
      <h1>Page not found</h1>
      <EmptyState title="There is nothing at this address.">
        <Link to="/mynetwork">Go to My Network</Link>
      </EmptyState>
    </div>
  );
}
