import type { Settings } from '../../api/types.js';
import { formatDate } from '../../lib/time.js';

export function AccountStatusSection({ restriction }: { restriction: Settings['restriction'] }) {
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title" className="card-title">
        Account status
      </h2>
      {restriction ? (
        <div className="notice notice-warning">
          <p>
            Until {formatDate(restriction.until)}, every invitation you send must include the
            recipient&apos;s email address.
          </p>
          <p className="muted">
            Several people recently answered that they don&apos;t know you. Invite people you know
            well, and the restriction ends on its own on {formatDate(restriction.until)}.
          </p>
        </div>
      ) : (
        <p>Your account is in good standing. You can send invitations as usual.</p>
      )}
    </section>
  );
}
