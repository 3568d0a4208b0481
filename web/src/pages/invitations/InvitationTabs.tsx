import { useReceivedCount, useSentCount } from '../../api/queries.js';
import { RouteTabs } from '../../components/RouteTabs.js';
import { formatCount } from '../../lib/format.js';

export type ManagerTab = 'received' | 'sent';

interface InvitationTabsProps {
  current: ManagerTab;
  /** Sent invitations whose withdrawal waits for its Undo to end, counted as gone already. */
  withdrawing: number;
}

/** Received and Sent, each with its count. */
export function InvitationTabs({ current, withdrawing }: InvitationTabsProps) {
  const received = useReceivedCount();
  const sent = useSentCount();
  const tabs = [
    {
      key: 'received',
      label: `Received${received.data ? ` (${formatCount(received.data.total)})` : ''}`,
      to: '/mynetwork/invitation-manager/received',
    },
    {
      key: 'sent',
      label: `Sent${sent.data ? ` (${formatCount(Math.max(0, sent.data.total - withdrawing))})` : ''}`,
      to: '/mynetwork/invitation-manager/sent',
    },
  ] as const;
  return <RouteTabs label="Invitations" tabs={tabs} current={current} />;
}
