import { useQuotas } from '../../api/queries.js';
import { formatDate, formatRenewal } from '../../lib/time.js';

/** "This week: 63 of 100 left · renews Tue" — shown before the limit bites. */
export function QuotaLine() {
  const { data } = useQuotas();
  if (!data) return null;
  const { weekly, open, restriction } = data;
  const nearOpenLimit = open.remaining < open.limit * 0.1;

  return (
    <p className="quota-line">
      <span>
        This week: {weekly.remaining.toLocaleString('en-GB')} of{' '}
        {weekly.limit.toLocaleString('en-GB')} left
        {weekly.renewsAt && (
          <>
            {' · '}
            <time dateTime={weekly.renewsAt} title={formatDate(weekly.renewsAt)}>
              renews {formatRenewal(weekly.renewsAt)}
            </time>
          </>
        )}
      </span>
      {nearOpenLimit && (
        <span>
          {' · '}
          {open.remaining.toLocaleString('en-GB')} more open invitations allowed
        </span>
      )}
      {restriction && (
        <span className="quota-warning">
          {' · '}Invitations need the recipient&apos;s email until {formatDate(restriction.until)}
        </span>
      )}
    </p>
  );
}
