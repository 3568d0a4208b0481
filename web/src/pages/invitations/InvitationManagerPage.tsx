import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { RouteTabPanel } from '../../components/RouteTabs.js';
import { InvitationTabs, type ManagerTab } from './InvitationTabs.js';
import { QuotaLine } from './QuotaLine.js';
import { ReceivedTab } from './ReceivedTab.js';
import { SentTab } from './SentTab.js';

function isTab(value: string | undefined): value is ManagerTab {
  return value === 'received' || value === 'sent';
}

export function InvitationManagerPage() {
  const { tab } = useParams();
  // Sent invitations waiting for their Undo to end: shown as gone in the tab as in the list.
  const [withdrawing, setWithdrawing] = useState(0);
  if (!isTab(tab)) return <Navigate to="/mynetwork/invitation-manager/received" replace />;

  return (
    <section className="card manager" aria-labelledby="manager-title">
      <title>{`Manage invitations — ${tab === 'sent' ? 'Sent' : 'Received'} | Rapport`}</title>
      <h1 id="manager-title" className="card-title">
        Manage invitations
      </h1>
      <div className="manager-bar">
        <InvitationTabs current={tab} withdrawing={withdrawing} />
        <QuotaLine />
      </div>
      <RouteTabPanel current={tab}>
        {tab === 'received' ? <ReceivedTab /> : <SentTab onWithdrawing={setWithdrawing} />}
      </RouteTabPanel>
    </section>
  );
}
