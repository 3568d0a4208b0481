/**
 * R18: withdraw, in one action, every open invitation sent at least N days ago, with every
 * effect of a single withdrawal (R14–R16). Kept (pinned) invitations are never touched.
 */
import type { Db } from '../../db/database.js';
import { DomainError } from '../../lib/errors.js';
import { addDays } from '../../lib/time.js';
import type { ServiceDeps } from '../deps.js';
import type { SummaryFields } from '../members/member.presenter.js';
import {
  resendAvailableAt,
  STALE_AFTER_DAYS,
  TRANSITION_FROM,
  type InvitationKind,
} from './invitation.js';
import type { WithdrawCause } from '../../db/tables/invitation.js';
import { eraseFromRecipient } from './invitation.effects.js';
import { emitWebhookEvent } from '../webhooks/webhook.emit.js';
import { type SentInvitation, toSent } from './invitation.presenter.js';
import { findTargets, listCleanupCandidates, withdrawBatch } from './invitation.repository.js';
import { findRecipientSummaries } from './withdrawal.repository.js';

export interface CleanupInput {
  olderThanDays?: number;
  kind?: InvitationKind;
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

/** Statements stay well under both databases' bound-parameter limits. */
const CHUNK = 500;

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
  const { rows, withdrawn } = await deps.database.transaction(async (db) => {
    const rows = await listCleanupCandidates(db, senderId, {
      sentBefore:
        olderThanDays === undefined ? undefined : addDays(now, -olderThanDays).toISOString(),
      kind: input.kind,
      ids: input.ids,
      now: at,
    });
    const toWithdraw = rows.filter((r) => r.kept === 0 && !excluded.has(r.id)).map((r) => r.id);
    const withdrawn = new Set<string>();
    if (!input.dryRun) {
      for (let i = 0; i < toWithdraw.length; i += CHUNK) {
        for (const id of await withdrawIds(db, toWithdraw.slice(i, i + CHUNK), cause, now)) {
          withdrawn.add(id);
        }
        onProgress?.(Math.min(i + CHUNK, toWithdraw.length), toWithdraw.length);
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
    invitation: toSent(
      r,
      recipients.get(r.recipient_id) as SummaryFields,
      targets.get(r.target_id) ?? null,
      resend,
    ),
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

/**
 * R14–R16 for many invitations at once, inside the caller's transaction: withdraws those still
 * open and not kept, erases them from their recipients, and returns their ids.
 */
export async function withdrawIds(
  db: Db,
  ids: string[],
  cause: WithdrawCause,
  now: Date,
): Promise<string[]> {
  const at = now.toISOString();
  const changed = await withdrawBatch(
    db,
    ids,
    {
      status: 'withdrawn',
      withdrawn_at: at,
      withdraw_cause: cause,
      updated_at: at,
      remind_at: null,
    },
    TRANSITION_FROM.withdraw,
  );
  await eraseFromRecipient(db, changed, now);
  await emitWebhookEvent(db, { type: 'invitation.withdrawn', invitations: changed }, now);
  return changed;
}
