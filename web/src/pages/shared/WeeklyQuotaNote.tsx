import { useQuotas } from '../../api/queries.js';
import { formatCount } from '../../lib/format.js';
import { formatDate, formatRenewal } from '../../lib/time.js';

/** Whether this week's invitations are all sent (R5): no Connect until the quota renews. */
export function useWeeklyQuotaSpent(): boolean {
  const { data } = useQuotas();
  return data?.weekly.remaining === 0;
}

/**
 * R5 before it bites: "63 of 100 invitations left this week · renews Tue". `id` lets the
 * controls it disables at 0 name it as their reason.
 */
export function WeeklyQuotaNote({ id }: { id?: string }) {
  const { data } = useQuotas();
  if (!data) return null;
  const { weekly } = data;
  return (
    <p
      id={id}
      className={weekly.remaining === 0 ? 'hint quota-note counter-low' : 'hint quota-note'}
    >
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
