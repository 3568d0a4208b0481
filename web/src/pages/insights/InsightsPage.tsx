import { useInsights } from '../../api/queries.js';
import { LoadError, Loading } from '../../components/Status.js';
import { AcceptanceByAnswer, TimeToAccept } from './AcceptInsights.js';
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
          <TimeToAccept figures={insights.data.timeToAccept} />
          <AgeHistogram buckets={insights.data.ageHistogram} />
          <AcceptanceByAnswer figures={insights.data.acceptanceByAnswer} />
          <NetworkComposition network={insights.data.network} />
        </>
      )}
    </div>
  );
}
