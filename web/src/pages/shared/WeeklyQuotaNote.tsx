import { useQuotas } from '../../api/queries.js';
import { formatCount } from '../../lib/format.js';
import { formatDate, formatRenewal } from '../../lib/time.js';

/** R5 before it bites: "63 of 100 invitations left this week · renews Tue". */
export function WeeklyQuotaNote() {
  const { data } = useQuotas();
  if (!data) return null;
  const { weekly } = data;
  return (
    <p className={weekly.remaining === 0 ? 'hint quota-note counter-low' : 'hint quota-note'}>
      {formatCount(weekly.remaining)} of {formatCount(weekly.limit)} invitations left this week
      {weekly.renewsAt && (
        <>
          {' · '}
          <time dateTime={weekly.renewsAt} title={formatDate(weekly.renewsAt)}>
            renews {formatRenewal(weekly.renewsAt)}
          </time>
        </>
      )}
    </p>
  );
}
