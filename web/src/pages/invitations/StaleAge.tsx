import { useRules } from '../../api/queries.js';
import { formatDays } from '../../lib/time.js';

/** How old an invitation must be to count as stale, in words ("2 weeks"), as the instance says. */
export function useStaleAge(): string {
  const rules = useRules();
  return rules ? formatDays(rules.staleAfterDays) : '…';
}

export function StaleAge() {
  return <>{useStaleAge()}</>;
}
