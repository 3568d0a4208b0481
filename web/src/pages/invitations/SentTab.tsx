import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { withdrawnCsvUrl } from '../../api/endpoints.js';
import { useRules, useSentCount, useSentList } from '../../api/queries.js';
import type { BulkWithdrawInput, KindCounts, SentInvitation } from '../../api/types.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { focusIfLost } from '../../components/focus-if-lost.js';
import { rowWith } from '../../components/focus-next-row.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { BulkWithdrawDialog } from './BulkWithdrawDialog.js';
import { countsWithAll, KIND_LABELS, KindChips } from './KindChips.js';
import { SelectModeButton } from './SelectModeButton.js';
import { ListFilters } from './ListFilters.js';
import { SelectionBar } from './SelectionBar.js';
import { SentInvitationRow } from './SentInvitationRow.js';
import { type Age, readSentView, sentFilter, type SentView, writeSentView } from './sent-view.js';
import { StaleAge, useStaleAge } from './StaleAge.js';
import { holdsKind, KIND_FILTERS, type KindFilter } from './kind-filter.js';
import { StaleWithdrawDialog } from './StaleWithdrawDialog.js';
import {
  listedPending,
  type PendingWithdrawal,
  pendingWithdrawals,
  withoutPending,
} from './pending-withdrawals.js';
import { usePendingWithdrawals } from './use-pending-withdrawals.js';
import { useSelection } from './use-selection.js';
import { WithdrawDialog } from './WithdrawDialog.js';

const LABELS: Record<KindFilter, string> = { all: 'All', ...KIND_LABELS };

const EMPTY: Record<KindFilter, { title: string; hint: string }> = {
  all: {
    title: 'No pending invitations',
    hint: 'When you invite someone, the invitation waits here until they answer.',
  },
  connection: {
    title: 'No pending connection invitations',
    hint: 'When you invite someone to connect, the invitation waits here until they answer.',
  },
  page: {
    title: 'No pending page invitations',
    hint: 'Invitations to follow a page you run show up here.',
  },
  event: {
    title: 'No pending event invitations',
    hint: 'Invitations to events you organise show up here.',
  },
};

const NOUN = ['invitation', 'invitations'] as const;

const WITHDRAW = 'button[aria-label^="Withdraw invitation"]';

/** The list's first Withdraw, else its heading. */
function sentListStart(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>(`#panel-sent ul ${WITHDRAW}`) ??
    document.getElementById('sent-heading')
  );
}

/**
 * Where the keyboard goes once the toast of a withdrawal of `ids` ends by itself: the Withdraw of
 * the first row below the first one withdrawn that stays, else above it, as an answer on Received
 * moves on to the next row; else the list's start. Found while the rows still show.
 */
function focusAfterWithdrawing(ids: readonly string[]): () => void {
  const leaving = new Set(ids);
  const rows = [...document.querySelectorAll<HTMLElement>('#panel-sent ul [data-invitation]')];
  const stays = (row: HTMLElement) => !leaving.has(row.dataset.invitation ?? '');
  const first = rows.findIndex((row) => !stays(row));
  const next =
    first < 0
      ? undefined
      : (rows.slice(first + 1).find(stays) ?? rows.slice(0, first).reverse().find(stays));
  const stay = next?.dataset.invitation;
  return () => {
    const list = document.querySelector('#panel-sent ul');
    const row = stay === undefined ? null : rowWith(list, 'invitation', stay);
    (row?.querySelector<HTMLElement>(WITHDRAW) ?? sentListStart())?.focus();
  };
}

/** The Withdraw of the first row, in the list's order, of those an Undo brought back. */
function restoredWithdraw(ids: readonly string[]): HTMLElement | null {
  const back = new Set(ids);
  const rows = document.querySelectorAll<HTMLElement>('#panel-sent ul [data-invitation]');
  const row = [...rows].find((r) => back.has(r.dataset.invitation ?? ''));
  return row?.querySelector<HTMLElement>(WITHDRAW) ?? null;
}

/** How many of `kind` (or of every kind) the sender kept, of those the filter matches. */
function keptOf(keptByKind: KindCounts | undefined, kind: KindFilter): number {
  if (!keptByKind) return 0;
  return kind === 'all'
    ? keptByKind.connection + keptByKind.page + keptByKind.event
    : keptByKind[kind];
}

interface SentTabProps {
  /** Told how many invitations wait for their Undo to end, for the tab's count. */
  onWithdrawing: (count: number) => void;
}

export function SentTab({ onWithdrawing }: SentTabProps) {
  const [params, setParams] = useSearchParams();
  const view = readSentView(params);
  const staleAfterDays = useRules()?.staleAfterDays;
  const staleAge = useStaleAge();
  const filter = sentFilter(view, staleAfterDays);
  // "Older than the stale age" waits for the instance's rule rather than listing every age.
  const ready = view.age !== 'stale' || staleAfterDays !== undefined;
  const sent = useSentList(filter, ready);
  const count = useSentCount({ olderThanDays: filter.olderThanDays, q: filter.q }, ready);
  // Each waiting id keeps its invitation, for the counts: most of a bulk withdrawal never loaded.
  const { hidden, schedule, restored } =
    usePendingWithdrawals<PendingWithdrawal>(focusAfterWithdrawing);
  const [single, setSingle] = useState<SentInvitation | null>(null);
  const [bulk, setBulk] = useState<Omit<BulkWithdrawInput, 'dryRun'> | null>(null);
  const [reviewingStale, setReviewingStale] = useState(params.get('review') === 'stale');

  const visible = sent.items.filter((invitation) => !hidden.has(invitation.id));
  const hiddenCount = sent.items.length - visible.length;
  const listed = listedPending(hidden.values(), filter, sent.items);
  const counts = withoutPending(countsWithAll(count.data), listed);
  const matching = counts?.[view.kind] ?? visible.length;
  // No bulk withdrawal takes a kept invitation (R18): those rows cannot be selected, and "Select
  // all N that match" counts the others, as the withdrawal's dialog will.
  const selectable = visible.filter((invitation) => !invitation.kept).map((i) => i.id);
  const keptMatching =
    keptOf(count.data?.keptByKind, view.kind) -
    listed.filter(({ invitation }) => invitation.kept && holdsKind(view.kind, invitation.kind))
      .length;
  const selectableMatching = count.data ? Math.max(0, matching - keptMatching) : selectable.length;
  useEffect(() => onWithdrawing(hidden.size), [hidden.size, onWithdrawing]);
  useEffect(() => () => onWithdrawing(0), [onWithdrawing]);
  // Undo puts the keyboard back where the member was, on what it brought back, not at the top.
  useEffect(() => {
    if (restored.length > 0) focusIfLost(restoredWithdraw(restored) ?? sentListStart());
  }, [restored]);
  const selection = useSelection(selectableMatching);
  const { clear } = selection;
  // What a selection leaves out is said beside its count: a kept row's greyed box only says why
  // to a pointer that rests on it.
  const keptLeftOut =
    selection.selection.kind === 'all'
      ? keptMatching
      : visible.filter((invitation) => invitation.kept).length;

  const change = useCallback(
    (patch: Partial<SentView>) => {
      clear();
      setParams((current) => writeSentView({ ...readSentView(current), ...patch }, current), {
        replace: true,
      });
    },
    [clear, setParams],
  );
  const changeQ = useCallback((q: string) => change({ q }), [change]);

  function withdrawSelected() {
    const { selection: current } = selection;
    if (current.kind === 'some') setBulk({ ids: [...current.ids] });
    else
      setBulk({
        kind: filter.kind,
        // Without a day count R18 means "stale"; 0 days is every age.
        olderThanDays: filter.olderThanDays ?? 0,
        q: filter.q,
        excludeIds: [...current.excluded],
      });
  }

  /** Holds `invitations` back for the Undo window, each with what the counts need of it. */
  function withdraw(invitations: SentInvitation[], q: string, name?: string) {
    const details = pendingWithdrawals(invitations, q, staleAfterDays, Date.now());
    schedule({ ids: [...details.keys()], name, details });
  }

  function confirmBulk(invitations: SentInvitation[]) {
    setBulk(null);
    selection.clear();
    withdraw(invitations, view.q);
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
          options={KIND_FILTERS}
          current={view.kind}
          counts={counts}
          labels={LABELS}
          onChange={(kind) => change({ kind })}
        />
        <div className="toolbar-actions">
          <SelectModeButton selecting={selection.selecting} onToggle={selection.toggleSelecting} />
          <button type="button" className="button" onClick={() => setReviewingStale(true)}>
            Withdraw all older than <StaleAge />
          </button>
        </div>
      </div>
      <ListFilters
        order={view.order}
        onOrder={(order) => change({ order })}
        search={{ label: 'Search by name', value: view.q, onChange: changeQ }}
      >
        <div className="field field-compact">
          <label htmlFor="sent-age">Sent</label>
          <select
            id="sent-age"
            value={view.age}
            onChange={(event) => change({ age: event.target.value === 'stale' ? 'stale' : 'any' })}
          >
            <option value={'any' satisfies Age}>Any time</option>
            <option value={'stale' satisfies Age}>{`More than ${staleAge} ago`}</option>
          </select>
        </div>
      </ListFilters>
      {/* Above the list: below it, the link would be reached only once every row had loaded. */}
      <p className="footnote">
        <a href={withdrawnCsvUrl} download>
          Download your withdrawn invitations (CSV)
        </a>
      </p>
      {selection.selecting && (
        <SelectionBar
          loaded={selectable}
          total={selectableMatching}
          selection={selection}
          leftOut={
            keptLeftOut > 0 ? `${plural(keptLeftOut, 'kept invitation')} not selected` : undefined
          }
        >
          <button
            type="button"
            className="button button-primary"
            disabled={selection.count === 0}
            onClick={withdrawSelected}
          >
            Withdraw selected
          </button>
        </SelectionBar>
      )}
      {sent.query.isPending ? (
        <Loading label="Loading sent invitations…" />
      ) : sent.query.isError ? (
        <LoadError error={sent.query.error} onRetry={() => void sent.query.refetch()} />
      ) : visible.length === 0 && !sent.query.hasNextPage ? (
        <EmptyState
          title={view.q ? `No pending invitations match “${view.q}”` : EMPTY[view.kind].title}
        >
          <p>{view.q ? 'Try another name, or clear the search.' : EMPTY[view.kind].hint}</p>
        </EmptyState>
      ) : (
        <InfiniteList list={sent} noun={NOUN} total={counts?.[view.kind]} hiddenCount={hiddenCount}>
          <ul className="rows" aria-label="Sent invitations">
            {visible.map((invitation) => (
              <SentInvitationRow
                key={invitation.id}
                invitation={invitation}
                selecting={selection.selecting}
                selected={selection.isSelected(invitation.id)}
                onToggleSelected={selection.toggle}
                onKept={selection.drop}
                onWithdraw={setSingle}
              />
            ))}
          </ul>
        </InfiniteList>
      )}
      {single && (
        <WithdrawDialog
          invitations={[single]}
          onConfirm={() => {
            setSingle(null);
            withdraw([single], view.q, single.recipient.name);
          }}
          onCancel={() => setSingle(null)}
        />
      )}
      {bulk && (
        <BulkWithdrawDialog request={bulk} onConfirm={confirmBulk} onCancel={() => setBulk(null)} />
      )}
      {reviewingStale && (
        <StaleWithdrawDialog
          onConfirm={(invitations) => {
            closeStaleReview();
            withdraw(invitations, '');
          }}
          onClose={closeStaleReview}
        />
      )}
    </>
  );
}
