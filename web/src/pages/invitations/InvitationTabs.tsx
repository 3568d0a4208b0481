import { useRef, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useReceivedCount, useSentCount } from '../../api/queries.js';
import { formatCount } from '../../lib/format.js';

export type ManagerTab = 'received' | 'sent';

const TABS: ManagerTab[] = ['received', 'sent'];

interface InvitationTabsProps {
  current: ManagerTab;
  /** Sent invitations whose withdrawal waits for its Undo to end, counted as gone already. */
  withdrawing: number;
}

/** Received and Sent as ARIA tabs; each tab has its own address so it can be linked to. */
export function InvitationTabs({ current, withdrawing }: InvitationTabsProps) {
  const navigate = useNavigate();
  const received = useReceivedCount();
  const sent = useSentCount();
  const refs = useRef<Record<ManagerTab, HTMLButtonElement | null>>({ received: null, sent: null });

  const labels: Record<ManagerTab, string> = {
    received: `Received${received.data ? ` (${formatCount(received.data.total)})` : ''}`,
    sent: `Sent${sent.data ? ` (${formatCount(Math.max(0, sent.data.total - withdrawing))})` : ''}`,
  };

  function select(tab: ManagerTab) {
    void navigate(`/mynetwork/invitation-manager/${tab}`);
    refs.current[tab]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.indexOf(current);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    let target: ManagerTab | undefined;
    if (step) target = TABS[(index + step + TABS.length) % TABS.length];
    if (event.key === 'Home') target = TABS[0];
    if (event.key === 'End') target = TABS.at(-1);
    if (!target) return;
    event.preventDefault();
    select(target);
  }

  return (
    <div role="tablist" aria-label="Invitations" className="tabs" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            refs.current[tab] = element;
          }}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={`panel-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          className="tab"
          onClick={() => select(tab)}
        >
          {labels[tab]}
        </button>
      ))}
    </div>
  );
}
