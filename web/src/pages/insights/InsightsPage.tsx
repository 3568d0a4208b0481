import { useInsights } from '../../api/queries.js';
import { LoadError, Loading } from '../../components/Status.js';
import { AgeHistogram } from './AgeHistogram.js';
import { InvitationFigures } from './InvitationFigures.js';
import { NetworkComposition } from './NetworkComposition.js';

export function InsightsPage() {
  const insights = useInsights();
  return (
    <div className="stack">
      <title>Insights | Rapport</title>
      <h1>Insights</h1>
      {insights.isPending ? (
        <Loading label="Loading your insights…" />
      ) : insights.isError ? (
        <LoadError error={insights.error} onRetry={() => void insights.refetch()} />
      ) : (
        <>
          <InvitationFigures insights={insights.data} />
          <AgeHistogram buckets={insights.data.ageHistogram} />
          <NetworkComposition network={insights.data.network} />
        </>
      )}
    </div>
  );
}
