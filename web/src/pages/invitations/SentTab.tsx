import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { withdrawnCsvUrl } from '../../api/endpoints.js';
import { useSent, useSentCount } from '../../api/queries.js';
import type { InvitationKind, SentInvitation } from '../../api/types.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { KIND_LABELS, KindChips } from './KindChips.js';
import { SelectionBar } from './SelectionBar.js';
import { SentInvitationRow } from './SentInvitationRow.js';
import { StaleAge } from './StaleAge.js';
import { StaleWithdrawDialog } from './StaleWithdrawDialog.js';
import { usePendingWithdrawals } from './use-pending-withdrawals.js';
import { WithdrawDialog } from './WithdrawDialog.js';

const KINDS: InvitationKind[] = ['connection', 'page', 'event'];

const EMPTY: Record<InvitationKind, string> = {
  connection: 'When you invite someone to connect, the invitation waits here until they answer.',
  page: 'Invitations to follow a page you run show up here.',
  event: 'Invitations to events you organise show up here.',
};

function parseKind(value: string | null): InvitationKind {
  return KINDS.find((kind) => kind === value) ?? 'connection';
}

export function SentTab() {
  const [params, setParams] = useSearchParams();
  const kind = parseKind(params.get('kind'));
  const sent = useSent(kind);
  const count = useSentCount();
  const { hidden, schedule } = usePendingWithdrawals();
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<SentInvitation[] | null>(null);
  const [reviewingStale, setReviewingStale] = useState(params.get('review') === 'stale');
  const listRef = useRef<HTMLUListElement>(null);

  const visible = (sent.data?.items ?? []).filter((invitation) => !hidden.has(invitation.id));
  const hiddenOfKind = (sent.data?.items ?? []).length - visible.length;
  const counts = count.data && {
    ...count.data.byKind,
    [kind]: Math.max(0, count.data.byKind[kind] - hiddenOfKind),
  };

  function changeKind(next: InvitationKind) {
    setSelected(new Set());
    setParams(next === 'connection' ? {} : { kind: next }, { replace: true });
  }

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function confirmWithdraw() {
    if (!confirming) return;
    schedule(confirming);
    setSelected(new Set());
    setConfirming(null);
    // The row that opened the dialog is gone; keep keyboard focus in the list.
    window.requestAnimationFrame(() => {
      const next = listRef.current?.querySelector<HTMLElement>('button[aria-label^="Withdraw"]');
      (next ?? document.getElementById('sent-heading'))?.focus();
    });
  }

  function closeStaleReview() {
    setReviewingStale(false);
    if (params.has('review')) {
      params.delete('review');
      setParams(params, { replace: true });
    }
  }

  return (
    <>
      <h2 id="sent-heading" className="visually-hidden" tabIndex={-1}>
        Sent invitations
      </h2>
      <div className="toolbar">
        <KindChips
          label="Show sent invitations for"
          options={KINDS}
          current={kind}
          counts={counts}
          labels={KIND_LABELS}
          onChange={changeKind}
        />
        <div className="toolbar-actions">
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={selecting}
            onClick={() => {
              setSelecting((value) => !value);
              setSelected(new Set());
            }}
          >
            Select
          </button>
          <button type="button" className="button" onClick={() => setReviewingStale(true)}>
            Withdraw all older than <StaleAge />
          </button>
        </div>
      </div>
      {selecting && (
        <SelectionBar
          total={visible.length}
          selected={selected.size}
          onSelectAll={(all) =>
            setSelected(all ? new Set(visible.map((invitation) => invitation.id)) : new Set())
          }
          onWithdraw={() => setConfirming(visible.filter((inv) => selected.has(inv.id)))}
        />
      )}
      {sent.isPending ? (
        <Loading label="Loading sent invitations…" />
      ) : sent.isError ? (
        <LoadError error={sent.error} onRetry={() => void sent.refetch()} />
      ) : visible.length === 0 ? (
        <EmptyState title={`No pending ${KIND_LABELS[kind].toLowerCase()} invitations`}>
          <p>{EMPTY[kind]}</p>
        </EmptyState>
      ) : (
        <ul className="rows" aria-label="Sent invitations" ref={listRef}>
          {visible.map((invitation) => (
            <SentInvitationRow
              key={invitation.id}
              invitation={invitation}
              selecting={selecting}
              selected={selected.has(invitation.id)}
              onToggleSelected={() => toggle(invitation.id)}
              onWithdraw={() => setConfirming([invitation])}
            />
          ))}
        </ul>
      )}
      <p className="footnote">
        <a href={withdrawnCsvUrl} download>
          Download your withdrawn invitations (CSV)
        </a>
      </p>
      {confirming && (
        <WithdrawDialog
          invitations={confirming}
          onConfirm={confirmWithdraw}
          onCancel={() => setConfirming(null)}
        />
      )}
      {reviewingStale && <StaleWithdrawDialog onClose={closeStaleReview} />}
    </>
  );
}
