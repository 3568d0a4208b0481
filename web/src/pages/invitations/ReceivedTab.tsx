import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange, useReceivedCount, useReceivedList } from '../../api/queries.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { focusIfLost } from '../../components/focus-if-lost.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { plural } from '../../lib/member.js';
import { type Action, describeTally, respondInChunks, selectedIds } from './bulk-respond.js';
import { countsWithAll, KIND_LABELS, KindChips } from './KindChips.js';
import { SelectModeButton } from './SelectModeButton.js';
import { ListFilters } from './ListFilters.js';
import { ReceivedInvitationItem } from './ReceivedInvitationItem.js';
import { showAnswered } from './received-counts.js';
import {
  emptyTitle,
  isNarrowed,
  readReceivedView,
  receivedFilter,
  type ReceivedStatus,
  type ReceivedView,
  selectedKinds,
  STATUSES,
  writeReceivedView,
} from './received-view.js';
import { acceptingSentence } from './invitation-words.js';
import { KIND_FILTERS, type KindFilter } from './kind-filter.js';
import { SelectionBar } from './SelectionBar.js';
import { useSelection } from './use-selection.js';

const LABELS: Record<KindFilter, string> = { all: 'All', ...KIND_LABELS };
const KINDS_LABEL = 'Show received invitations for';

/** The kind chips' first, All. */
function allKindsChip(): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[aria-label="${KINDS_LABEL}"] button`);
}
const STATUS_LABELS: Record<ReceivedStatus, string> = { pending: 'Pending', ignored: 'Ignored' };
const NOUN = ['invitation', 'invitations'] as const;

/**
 * Keyboard focus after answering several: the dialog hands it back to "Accept selected" or
 * "Ignore selected", disabled by then with nothing selected, so it goes on to the list's first
 * Accept, else to the panel.
 */
function focusReceivedList() {
  focusIfLost(
    document.querySelector<HTMLElement>('#panel-received ul button[aria-label^="Accept"]') ??
      document.getElementById('panel-received'),
  );
}

export function ReceivedTab() {
  const [params, setParams] = useSearchParams();
  const view = readReceivedView(params);
  const filter = receivedFilter(view);
  const received = useReceivedList(filter);
  const withNote = view.withNote || undefined;
  const pending = useReceivedCount({ status: 'pending', withNote });
  const ignored = useReceivedCount({ status: 'ignored', withNote });
  const count = view.status === 'ignored' ? ignored : pending;
  const counts = countsWithAll(count.data);
  const matching = counts?.[view.kind] ?? received.items.length;
  const selection = useSelection(matching);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const answeredSeveral = useRef(false);
  const queryClient = useQueryClient();
  const toasts = useToasts();

  const respond = useMutation({
    mutationFn: async (action: Action) =>
      respondInChunks(await selectedIds(selection.selection, filter), action),
    onSuccess: (tally, action) => {
      // As for a single answer: the answered rows leave the lists and the counts at once, and
      // the buttons stop being busy, rather than once every loaded page has been read again.
      showAnswered(queryClient, tally.answered, received.items, action);
      toasts.show({ message: describeTally(tally, action) });
      selection.clear();
    },
    onError: (error) => toasts.show({ message: describeError(error), tone: 'error' }),
    onSettled: () => {
      answeredSeveral.current = true;
      setConfirming(null);
      void refreshAfterChange(queryClient);
    },
  });

  // After the dialog has closed and handed the focus back.
  useEffect(() => {
    if (confirming || !answeredSeveral.current) return;
    answeredSeveral.current = false;
    focusReceivedList();
  }, [confirming]);

  function change(patch: Partial<ReceivedView>) {
    selection.clear();
    setParams(writeReceivedView({ ...view, ...patch }), { replace: true });
  }

  const statusCounts = { pending: pending.data?.total, ignored: ignored.data?.total };

  return (
    <>
      <div className="toolbar">
        <KindChips
          label="Show received invitations that are"
          options={STATUSES}
          current={view.status}
          counts={statusCounts}
          labels={STATUS_LABELS}
          onChange={(status) => change({ status })}
        />
        <div className="toolbar-actions">
          <SelectModeButton selecting={selection.selecting} onToggle={selection.toggleSelecting} />
        </div>
      </div>
      <div className="toolbar">
        <KindChips
          label={KINDS_LABEL}
          options={KIND_FILTERS}
          current={view.kind}
          counts={counts}
          labels={LABELS}
          onChange={(kind) => change({ kind })}
        />
      </div>
      <ListFilters order={view.order} onOrder={(order) => change({ order })}>
        <label className="choice list-choice">
          <input
            type="checkbox"
            checked={view.withNote}
            onChange={(event) => change({ withNote: event.target.checked })}
          />
          With a note
        </label>
      </ListFilters>
      {selection.selecting && (
        <SelectionBar
          loaded={received.items.map((invitation) => invitation.id)}
          total={matching}
          selection={selection}
        >
          {view.status === 'pending' && (
            <BusyButton
              className="button"
              disabled={selection.count === 0}
              busy={respond.isPending}
              onClick={() => setConfirming('ignore')}
            >
              Ignore selected
            </BusyButton>
          )}
          <BusyButton
            className="button button-primary"
            disabled={selection.count === 0}
            busy={respond.isPending}
            onClick={() => setConfirming('accept')}
          >
            Accept selected
          </BusyButton>
        </SelectionBar>
      )}
      {received.query.isPending ? (
        <Loading label="Loading invitations…" />
      ) : received.query.isError ? (
        <LoadError error={received.query.error} onRetry={() => void received.query.refetch()} />
      ) : received.items.length === 0 ? (
        <EmptyState title={emptyTitle(view)}>
          {isNarrowed(view) ? (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  // The button goes with the empty list: the keyboard goes to the chip it chooses.
                  allKindsChip()?.focus();
                  change({ kind: 'all', withNote: false });
                }}
              >
                Show every {view.status} invitation
              </button>
            </p>
          ) : (
            <p>
              {view.status === 'ignored'
                ? 'Invitations you ignore wait here while they stay open; you can still accept them.'
                : 'When someone invites you, it shows up here. Meanwhile, look at '}
              {view.status === 'pending' && <Link to="/mynetwork">people you may know</Link>}
              {view.status === 'pending' && '.'}
            </p>
          )}
        </EmptyState>
      ) : (
        <InfiniteList list={received} noun={NOUN} total={counts?.[view.kind]}>
          <ul className="rows" aria-label="Received invitations">
            {received.items.map((invitation) => (
              <ReceivedInvitationItem
                key={invitation.id}
                invitation={invitation}
                selected={selection.isSelected(invitation.id)}
                onToggleSelected={selection.selecting ? selection.toggle : undefined}
              />
            ))}
          </ul>
        </InfiniteList>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title={`${confirming === 'accept' ? 'Accept' : 'Ignore'} ${plural(selection.count, 'invitation')}`}
          confirmLabel={confirming === 'accept' ? 'Accept' : 'Ignore'}
          busy={respond.isPending}
          onConfirm={() => respond.mutate(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {confirming === 'accept'
              ? acceptingSentence(
                  selectedKinds(selection.selection, received.items, view.kind, count.data?.byKind),
                )
              : 'The senders are not told. Ignored invitations stay open, so you can still accept them later.'}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
