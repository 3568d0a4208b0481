import { useQuotas } from '../../api/queries.js';
import { formatDate } from '../../lib/time.js';
import { formatCount } from '../../lib/format.js';
import {
  AWAITING_VERIFICATION,
  Renewal,
  useAwaitingVerification,
} from '../shared/WeeklyQuotaNote.js';

/** "This week: 63 of 100 left · renews Tue" — shown before the limit bites. */
export function QuotaLine() {
  const { data } = useQuotas();
  const awaitingVerification = useAwaitingVerification();
  if (!data) return null;
  const { weekly, open, restriction } = data;
  // R6 shows once a member has used half of it, long before it bites.
  const nearOpenLimit = open.used > open.limit / 2;

  return (
    <p className="quota-line">
      {awaitingVerification ? (
        <span>{AWAITING_VERIFICATION}</span>
      ) : (
        <span>
          This week: {formatCount(weekly.remaining)} of {formatCount(weekly.limit)} left
          <Renewal at={weekly.renewsAt} />
        </span>
      )}
      {nearOpenLimit && (
        <span>
          {' · '}
          {formatCount(open.remaining)} more open invitations allowed
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
