import { InvitationsPreview } from './InvitationsPreview.js';
import { NetworkSummary } from './NetworkSummary.js';
import { StaleInvitationsNudge } from './StaleInvitationsNudge.js';
import { PeopleYouMayKnow } from './PeopleYouMayKnow.js';

export function MyNetworkPage() {
  return (
    <div className="mynetwork">
      <title>My Network | Rapport</title>
      <h1 className="visually-hidden">My Network</h1>
      <div className="mynetwork-grid">
        <NetworkSummary />
        <div className="stack">
          <InvitationsPreview />
          <StaleInvitationsNudge />
          <PeopleYouMayKnow />
        </div>
      </div>
    </div>
  );
}
