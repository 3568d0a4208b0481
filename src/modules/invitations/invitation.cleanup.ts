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
import {
  type CleanupFilter,
  findTargets,
  listCleanupCandidateIds,
  listCleanupCandidates,
} from './invitation.views.repository.js';
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
  /**
   * In a dry run, the invitation as the Sent list shows it, so a preview can name what would go;
   * absent after a withdrawal, and for an id that is not (or no longer) an open invitation.
   */
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
  if (input.ids && input.ids.length > 10_000) {
    throw new DomainError('validation_failed', 'At most 10,000 ids can be withdrawn at once.');
  }
  const now = deps.clock.now();
  const olderThanDays = input.olderThanDays ?? (input.ids ? undefined : STALE_AFTER_DAYS);
  const filter: CleanupFilter = {
    sentBefore:
      olderThanDays === undefined ? undefined : addDays(now, -olderThanDays).toISOString(),
    kind: input.kind,
    q: input.q,
    ids: input.ids,
    now: now.toISOString(),
  };
  const excluded = new Set(input.excludeIds ?? []);
  const items = input.dryRun
    ? await preview(deps, senderId, filter, excluded, now)
    : await withdraw(deps, senderId, filter, excluded, { cause, now, onProgress });
  const found = new Set(items.map((i) => i.id));
  for (const id of input.ids ?? []) {
    if (!found.has(id)) items.push({ id, outcome: 'not_open' });
  }
  const count = items.filter(
    (i) => i.outcome === 'withdrawn' || i.outcome === 'would_withdraw',
  ).length;
  return { dryRun: input.dryRun ?? false, count, items };
}

/** What a withdrawal would do, each candidate shown as the Sent list shows it. */
async function preview(
  deps: ServiceDeps,
  senderId: string,
  filter: CleanupFilter,
  excluded: Set<string>,
  now: Date,
): Promise<CleanupItem[]> {
  const db = deps.database.db;
  const rows = await listCleanupCandidates(db, senderId, filter);
  const [recipients, targets] = await Promise.all([
    findRecipientSummaries(
      db,
      rows.map((r) => r.recipient_id),
    ),
    findTargets(db, rows),
  ]);
  const resend = resendAvailableAt(now, deps.rules.resendCooldownDays);
  return rows.map((r) => ({
    id: r.id,
    outcome: excluded.has(r.id) ? 'excluded' : r.kept === 1 ? 'kept' : 'would_withdraw',
    invitation: toSent(r, recipients.get(r.recipient_id), targets.get(r.target_id) ?? null, resend),
  }));
}

/**
 * Withdraws the candidates that are neither kept nor excluded, with every effect of a single
 * withdrawal, in one transaction; reports progress every PROGRESS_STEP withdrawals.
 */
async function withdraw(
  deps: ServiceDeps,
  senderId: string,
  filter: CleanupFilter,
  excluded: Set<string>,
  options: {
    cause: WithdrawCause;
    now: Date;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<CleanupItem[]> {
  return deps.database.transaction(async (tx) => {
    const rows = await listCleanupCandidateIds(tx, senderId, filter);
    const toWithdraw = rows.filter((r) => r.kept === 0 && !excluded.has(r.id));
    const withdrawn = new Set<string>();
    const env = { now: options.now, rules: deps.rules };
    for (let i = 0; i < toWithdraw.length; i += PROGRESS_STEP) {
      const batch = toWithdraw.slice(i, i + PROGRESS_STEP);
      const changed = await transition(tx, batch, { kind: 'withdraw', cause: options.cause }, env);
      for (const row of changed) withdrawn.add(row.id);
      options.onProgress?.(Math.min(i + PROGRESS_STEP, toWithdraw.length), toWithdraw.length);
    }
    return rows.map((r): CleanupItem => {
      if (excluded.has(r.id)) return { id: r.id, outcome: 'excluded' };
      if (r.kept === 1) return { id: r.id, outcome: 'kept' };
      return { id: r.id, outcome: withdrawn.has(r.id) ? 'withdrawn' : 'not_open' };
    });
  });
}
