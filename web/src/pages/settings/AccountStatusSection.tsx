import type { Me, Settings } from '../../api/types.js';
import { useInstance } from '../../api/queries.js';
import { NewVerificationLink } from '../../components/VerifyEmailBanner.js';
import { formatDate } from '../../lib/time.js';

/** Whether the member may send invitations now, and if not, why and what to do (R9, R25). */
export function AccountStatusSection({
  me,
  restriction,
}: {
  me: Me;
  restriction: Settings['restriction'];
}) {
  const requireVerified = useInstance().data?.requireVerifiedEmail === true;
  const unverified = requireVerified && !me.emailVerified;
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title" className="card-title">
        Account status
      </h2>
      {unverified && (
        <div className="notice notice-warning">
          <p>
            Your email address is not verified yet, so you cannot send invitations. Follow the link
            we sent to <strong>{me.email}</strong>, or have a new one sent.
          </p>
          <NewVerificationLink />
        </div>
      )}
      {restriction && (
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
      )}
      {!unverified && !restriction && (
        <p>Your account is in good standing. You can send invitations as usual.</p>
      )}
    </section>
  );
}
