import { useInstance, useMe, useQuotas } from '../../api/queries.js';
import { formatCount } from '../../lib/format.js';
import { formatDate, formatRenewal } from '../../lib/time.js';

/** Whether this week's invitations are all sent (R5): no Connect until the quota renews. */
export function useWeeklyQuotaSpent(): boolean {
  const { data } = useQuotas();
  return data?.weekly.remaining === 0;
}

/** R25: an unverified member can send none of the week's invitations yet, so none are "left". */
export const AWAITING_VERIFICATION = 'You can send invitations once you verify your email address.';

/** Whether the member's invitations wait for them to verify their email address (R25). */
export function useAwaitingVerification(): boolean {
  const requireVerified = useInstance().data?.requireVerifiedEmail === true;
  const verified = useMe().data?.emailVerified;
  return requireVerified && verified === false;
}

/** " · renews Tue", when the week's quota renews; nothing while none has been used. */
export function Renewal({ at }: { at: string | null }) {
  if (!at) return null;
  return (
    <>
      {' · '}
      <time dateTime={at} title={formatDate(at)}>
        renews {formatRenewal(at)}
      </time>
    </>
  );
}

/**
 * R5 before it bites: "63 of 100 invitations left this week · renews Tue". `id` lets the
 * controls it disables at 0 name it as their reason.
 */
export function WeeklyQuotaNote({ id }: { id?: string }) {
  const { data } = useQuotas();
  const awaitingVerification = useAwaitingVerification();
  if (!data) return null;
  if (awaitingVerification)
    return (
      <p id={id} className="hint quota-note">
        {AWAITING_VERIFICATION}
      </p>
    );
  const { weekly } = data;
  return (
    <p
      id={id}
      className={weekly.remaining === 0 ? 'hint quota-note counter-low' : 'hint quota-note'}
    >
      {formatCount(weekly.remaining)} of {formatCount(weekly.limit)} invitations left this week
      <Renewal at={weekly.renewsAt} />
    </p>
  );
}
