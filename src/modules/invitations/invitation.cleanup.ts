/**
 * R18: withdraw, in one action, every open invitation sent at least N days ago, with every
 * effect of a single withdrawal (R14–R16). Kept (pinned) invitations are never touched.
 */
import { elementAt } from '../../lib/arrays.js';
import { DomainError } from '../../lib/errors.js';
import { addDays } from '../../lib/time.js';
import { inList } from '../../db/lists.js';
import type { ServiceDeps } from '../deps.js';
import { findMemberSummaries } from '../members/member.service.js';
import type { WithdrawCause } from '../../db/tables/invitation.js';
import { resendAvailableAt, STALE_AFTER_DAYS, type InvitationKind } from './invitation.js';
import { type SentInvitation, toSent } from './invitation.presenter.js';
import { transitionWhere } from './invitation.transitions.js';
import {
  type CleanupFilter,
  cleanupFilter,
  findTargets,
  listCleanupCandidateIds,
  listCleanupCandidates,
} from './invitation.views.repository.js';

export interface CleanupInput {
  olderThanDays?: number;
  kind?: InvitationKind;
  /** The recipient's, page's or event's name, as the Sent list's search (R40). */
  q?: string;
  ids?: string[];
  excludeIds?: string[];
  dryRun?: boolean;
}

/** Whether a clean-up's body, not yet checked against its schema, asks only for a preview. */
export function isDryRun(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Reflect.get(body, 'dryRun') === true;
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
    findMemberSummaries(
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
 * withdrawal, in one transaction. A statement takes the candidates sent in one span of time, as
 * the sender's index orders them: a statement by ids looks each one up by its key first, which
 * made a clean-up of 10,000 a third slower. With no one to report progress to, one span takes
 * them all: in spans of 500, each statement came back to the index pages spread over every
 * recipient that the one before it had changed, and the clean-up of 10,000 took 490–510 ms of
 * CPU on SQLite against 420–450 in one statement.
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
  const { database } = deps;
  return database.withRoomForMany(() =>
    database.transaction(async (tx) => {
      const rows = await listCleanupCandidateIds(tx, senderId, filter);
      const change = { kind: 'withdraw', cause: options.cause } as const;
      const env = { now: options.now, rules: deps.rules };
      const withdrawn = new Set<string>();
      const spanSize = options.onProgress ? PROGRESS_STEP : rows.length;
      for (const span of sentSpans(rows, spanSize)) {
        const skipped = span.rows.filter((r) => excluded.has(r.id)).map((r) => r.id);
        // Ids chosen one by one narrow to the span's, rather than all of them in every statement.
        const spanFilter = filter.ids ? { ...filter, ids: span.rows.map((r) => r.id) } : filter;
        const candidates = cleanupFilter(tx, senderId, spanFilter);
        const changed = await transitionWhere(
          tx,
          (eb) =>
            eb.and([
              candidates(eb),
              eb('sent_at', '<=', span.until),
              ...(span.after === null ? [] : [eb('sent_at', '>', span.after)]),
              inList(tx, 'id', skipped, { not: true }),
            ]),
          change,
          env,
        );
        for (const row of changed) withdrawn.add(row.id);
        options.onProgress?.(span.done, rows.length);
      }
      const items = rows.map((r): CleanupItem => {
        if (excluded.has(r.id)) return { id: r.id, outcome: 'excluded' };
        if (withdrawn.delete(r.id)) return { id: r.id, outcome: 'withdrawn' };
        return { id: r.id, outcome: r.kept === 1 ? 'kept' : 'not_open' };
      });
      // On PostgreSQL, one that came to match after the candidates were read (kept no more).
      for (const id of withdrawn) items.push({ id, outcome: 'withdrawn' });
      return items;
    }),
  );
}

interface SentSpan {
  /** The span's candidates were sent after this time (none before the first span) … */
  after: string | null;
  /** … and at or before this one. */
  until: string;
  rows: { id: string; sent_at: string }[];
  /** How many candidates this span and the ones before it hold. */
  done: number;
}

/**
 * Candidates in the order they were sent, cut into spans of at least `size`, each ending where
 * the sent time changes, so that a span is a range of sent times.
 */
function* sentSpans(rows: { id: string; sent_at: string }[], size: number): Generator<SentSpan> {
  let after: string | null = null;
  let start = 0;
  while (start < rows.length) {
    let end = Math.min(start + size, rows.length);
    const until = elementAt(rows, end - 1).sent_at;
    while (end < rows.length && elementAt(rows, end).sent_at === until) end++;
    yield { after, until, rows: rows.slice(start, end), done: end };
    after = until;
    start = end;
  }
}
