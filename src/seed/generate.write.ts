/**
 * Turns a planned network into rows, written in large transactions: invitations in time order
 * with the recipient's notification of each open one, the sender's of each accepted one, and
 * the follow or attendance of each accepted page or event invitation; then both rows of every
 * connection and the mutual follows, grouped by member so the primary keys are appended to.
 */
import type { RuleConfig } from '../config.js';
import { DAY_MS, monthKey } from '../lib/time.js';
import type { ConnectionGraph } from './generate.graph.js';
import { answeredAt, type InvitationPlan, kindOf, statusOf } from './generate.invitations.js';
import type { Progress } from './generate.progress.js';
import { fastId, mix, noteOf } from './generate.rows.js';
import type { BulkWriter, Row } from './seed.repository.js';
import { elementAt } from '../lib/arrays.js';

/** Invitations per transaction. */
const CHUNK = 20_000;

export interface WriteContext {
  writer: BulkWriter;
  progress: Progress;
  rules: RuleConfig;
  now: number;
  random: () => number;
  memberIds: string[];
  pageIds: string[];
  eventIds: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** R12: reminders already sent by `until`, and the next one if the invitation is still pending then. */
function reminders(sentAt: number, until: number, days: number[], pending: boolean) {
  let sent = 0;
  while (sent < days.length && sentAt + elementAt(days, sent) * DAY_MS <= until) sent++;
  const next = days[sent];
  return { sent, next: pending && next !== undefined ? iso(sentAt + next * DAY_MS) : null };
}

/**
 * When a notification made at `at` was read: a day later for two in three of those older than
 * two days, and not yet for the others and the recent ones.
 */
function readADayAfter(at: number, now: number, hash: number): string | null {
  return now - at > 2 * DAY_MS && hash % 3 !== 0 ? iso(at + DAY_MS) : null;
}

export async function writeInvitations(
  ctx: WriteContext,
  plan: InvitationPlan,
): Promise<Map<string, number>> {
  const { rules, now, memberIds, random } = ctx;
  const credits = new Map<string, number>();
  ctx.progress.phase('invitations', plan.count);
  for (let from = 0; from < plan.count; from += CHUNK) {
    const invitations: Row[] = [];
    const notifications: Row[] = [];
    const pageFollowers: Row[] = [];
    const eventAttendees: Row[] = [];
    for (let k = from; k < Math.min(plan.count, from + CHUNK); k++) {
      const i = elementAt(plan.order, k);
      const sent = elementAt(plan.sentAt, i);
      const senderIndex = elementAt(plan.sender, i);
      const recipientIndex = elementAt(plan.recipient, i);
      const kind = kindOf(elementAt(plan.code, i));
      const status = statusOf(elementAt(plan.code, i));
      const hash = mix(senderIndex, recipientIndex);
      const age = now - sent;
      const id = fastId(sent, random);
      const targetIndex = elementAt(plan.target, i);
      const targetId =
        kind === 'page'
          ? elementAt(ctx.pageIds, targetIndex)
          : kind === 'event'
            ? elementAt(ctx.eventIds, targetIndex)
            : '';
      const expires = sent + rules.expiryDays * DAY_MS;
      const respondedAt = answeredAt(sent, now, senderIndex, recipientIndex);
      // Withdrawals come any time before the invitation would expire.
      const delay = (hash % 997) / 997;
      const changedAt =
        status === 'pending'
          ? sent
          : status === 'expired'
            ? expires
            : status === 'withdrawn'
              ? sent + delay * Math.min(age, rules.expiryDays * DAY_MS - 60_000)
              : respondedAt;
      const open = status === 'pending' || status === 'ignored';
      const remind =
        kind === 'connection'
          ? reminders(
              sent,
              status === 'pending' ? now : changedAt,
              rules.reminderDays,
              status === 'pending',
            )
          : { sent: 0, next: null };
      // R9: "don't know" answers only long enough ago that no restriction can still be running.
      const dontKnow =
        status === 'ignored' &&
        hash % 10 === 0 &&
        changedAt < now - (rules.dontKnowWindowDays + rules.restrictionDays) * DAY_MS;
      const { note, howKnown } =
        kind === 'connection' ? noteOf(hash) : { note: null, howKnown: null };
      const answered = status === 'ignored' || status === 'accepted';
      if (kind === 'page') {
        const month = `${targetId}|${monthKey(new Date(sent))}`;
        credits.set(month, (credits.get(month) ?? 0) + (status === 'accepted' ? 0 : 1));
      }
      const sentIso = iso(sent);
      const changedIso = status === 'pending' ? sentIso : iso(changedAt);
      const respondedIso = answered ? changedIso : null;
      invitations.push([
        id,
        kind,
        memberIds[senderIndex],
        memberIds[recipientIndex],
        targetId,
        status,
        note,
        howKnown,
        sentIso,
        changedIso,
        respondedIso,
        status === 'ignored' ? changedIso : null,
        dontKnow ? 'dont_know' : null,
        status === 'withdrawn' ? changedIso : null,
        status === 'withdrawn'
          ? changedAt - sent >= 14 * DAY_MS && hash % 3 === 0
            ? 'cleanup'
            : 'sender'
          : null,
        open && hash % 50 === 7 ? 1 : 0,
        remind.next,
        remind.sent,
        iso(expires),
      ]);
      if (open) {
        const readAt = status === 'ignored' ? respondedIso : readADayAfter(sent, now, hash);
        notifications.push([
          fastId(sent, random),
          memberIds[recipientIndex],
          'invitation_received',
          memberIds[senderIndex],
          id,
          sentIso,
          readAt,
        ]);
      }
      if (status === 'accepted') {
        notifications.push([
          fastId(respondedAt, random),
          memberIds[senderIndex],
          'invitation_accepted',
          memberIds[recipientIndex],
          id,
          respondedIso,
          readADayAfter(respondedAt, now, hash),
        ]);
      }
      if (status === 'accepted' && kind === 'page')
        pageFollowers.push([targetId, memberIds[recipientIndex], respondedIso]);
      if (status === 'accepted' && kind === 'event')
        eventAttendees.push([targetId, memberIds[recipientIndex], respondedIso]);
    }
    await ctx.writer.insert('invitations', invitations);
    await ctx.writer.insert('notifications', notifications);
    await ctx.writer.insert('page_followers', pageFollowers);
    await ctx.writer.insert('event_attendees', eventAttendees);
    ctx.progress.advance(invitations.length);
  }
  return credits;
}

/** When each connection was made: by its accepted invitation, or at some time after both joined. */
export function connectionTimes(
  graph: ConnectionGraph,
  plan: InvitationPlan,
  joinedAt: Float64Array,
  now: number,
): Float64Array {
  const times = new Float64Array(graph.edges);
  for (let e = 0; e < graph.edges; e++) {
    const made = elementAt(plan.connectedAt, e);
    if (made > 0) {
      times[e] = made;
      continue;
    }
    const since = Math.max(
      elementAt(joinedAt, elementAt(graph.a, e)),
      elementAt(joinedAt, elementAt(graph.b, e)),
    );
    times[e] = since + ((mix(e, 13) % 1000) / 1000) * (now - DAY_MS - since);
  }
  return times;
}

/** Both rows of each connection and the two follows that accepting makes (R10). */
export async function writeConnections(
  ctx: WriteContext,
  graph: ConnectionGraph,
  times: Float64Array,
): Promise<void> {
  ctx.progress.phase('connections', graph.edges * 2);
  let rows: Row[] = [];
  const flush = async () => {
    await ctx.writer.insert('connections', rows);
    await ctx.writer.insert('follows', rows);
    ctx.progress.advance(rows.length);
    rows = [];
  };
  for (let m = 0; m < graph.members; m++) {
    for (let s = elementAt(graph.offsets, m); s < elementAt(graph.offsets, m + 1); s++) {
      rows.push([
        ctx.memberIds[m],
        ctx.memberIds[elementAt(graph.neighbours, s)],
        iso(elementAt(times, elementAt(graph.edgeOf, s))),
      ]);
    }
    if (rows.length >= CHUNK) await flush();
  }
  await flush();
}
