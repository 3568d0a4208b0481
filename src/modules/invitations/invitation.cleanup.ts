/**
 * R18: withdraw, in one action, every open invitation sent at least N days ago, with every
 * effect of a single withdrawal (R14–R16). Kept (pinned) invitations are never touched.
 */
import { DomainError } from '../../lib/errors.js';
import { addDays } from '../../lib/time.js';
import type { ServiceDeps } from '../deps.js';
import type { WithdrawCause } from '../../db/tables/invitation.js';
import { resendAvailableAt, STALE_AFTER_DAYS, type InvitationKind } from './invitation.js';
import { type SentInvitation, toSent } from './invitation.presenter.js';
import { transition } from './invitation.transitions.js';
import { findTargets, listCleanupCandidates } from './invitation.views.repository.js';
import { findRecipientSummaries } from './invitation.withdrawals.repository.js';

export interface CleanupInput {
  olderThanDays?: number;
  kind?: InvitationKind;
  /** The recipient's, page's or event's name, as the Sent list's search (R40). */
  q?: string;
  ids?: string[];
  excludeIds?: string[];
  dryRun?: boolean;
}

export type CleanupOutcome = 'withdrawn' | 'would_withdraw' | 'kept' | 'excluded' | 'not_open';

export interface CleanupItem {
  id: string;
  outcome: CleanupOutcome;
  /** Absent for an id that is not (or no longer) an open invitation of the caller. */
  invitation?: SentInvitation;
}

export interface CleanupResult {
  dryRun: boolean;
  count: number;
  items: CleanupItem[];
}

/** How many withdrawals each progress report stands for. */
const PROGRESS_STEP = 500;

export async function withdrawStale(
  deps: ServiceDeps,
  senderId: string,
  input: CleanupInput,
  cause: WithdrawCause,
  onProgress?: (done: number, total: number) => void,
): Promise<CleanupResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const olderThanDays = input.olderThanDays ?? (input.ids ? undefined : STALE_AFTER_DAYS);
  if (input.ids && input.ids.length > 10_000) {
    throw new DomainError('validation_failed', 'At most 10,000 ids can be withdrawn at once.');
  }
  const excluded = new Set(input.excludeIds ?? []);
  const { rows, withdrawn } = await deps.database.transaction(async (tx) => {
    const rows = await listCleanupCandidates(tx, senderId, {
      sentBefore:
        olderThanDays === undefined ? undefined : addDays(now, -olderThanDays).toISOString(),
      kind: input.kind,
      q: input.q,
      ids: input.ids,
      now: at,
    });
    const toWithdraw = rows.filter((r) => r.kept === 0 && !excluded.has(r.id));
    const withdrawn = new Set<string>();
    if (!input.dryRun) {
      const env = { now, rules: deps.rules };
      for (let i = 0; i < toWithdraw.length; i += PROGRESS_STEP) {
        const batch = toWithdraw.slice(i, i + PROGRESS_STEP);
        const changed = await transition(tx, batch, { kind: 'withdraw', cause }, env);
        for (const row of changed) withdrawn.add(row.id);
        onProgress?.(Math.min(i + PROGRESS_STEP, toWithdraw.length), toWithdraw.length);
      }
    }
    return { rows, withdrawn };
  });
  // Presenting reads outside the transaction, so the withdrawn rows are not held locked meanwhile.
  const db = deps.database.db;
  const [recipients, targets] = await Promise.all([
    findRecipientSummaries(
      db,
      rows.map((r) => r.recipient_id),
    ),
    findTargets(db, rows),
  ]);
  const resend = resendAvailableAt(now, deps.rules.resendCooldownDays);
  const outcomeOf = (id: string, kept: boolean): CleanupOutcome => {
    if (excluded.has(id)) return 'excluded';
    if (kept) return 'kept';
    if (input.dryRun) return 'would_withdraw';
    return withdrawn.has(id) ? 'withdrawn' : 'not_open';
  };
  const items: CleanupItem[] = rows.map((r) => ({
    id: r.id,
    outcome: outcomeOf(r.id, r.kept === 1),
    invitation: toSent(r, recipients.get(r.recipient_id), targets.get(r.target_id) ?? null, resend),
  }));
  const found = new Set(rows.map((r) => r.id));
  for (const id of input.ids ?? []) {
    if (!found.has(id)) items.push({ id, outcome: 'not_open' });
  }
  const count = items.filter(
    (i) => i.outcome === 'withdrawn' || i.outcome === 'would_withdraw',
  ).length;
  return { dryRun: input.dryRun ?? false, count, items };
}
