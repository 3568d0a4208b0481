/**
 * Which invitations a generated network has, who sent them when, and what became of them —
 * planned in typed arrays before any row is written, so that the rows can then be written in
 * time order (ids grow with time, so the primary key is appended to, not scattered).
 *
 * The plan keeps to the rules a real history would have obeyed: R1 (one open invitation per
 * pair, kind and target), R3 (never open both ways), R5 (a sender's times are spread evenly, so
 * no 7 days hold more than the weekly limit), R6, R9 (no recent "don't know" answers), R13,
 * R21 (page credits per calendar month) and R22. Every connection made by an invitation has an
 * accepted one.
 */
import type { RuleConfig } from '../config.js';
import { DAY_MS } from '../lib/time.js';
import { type ConnectionGraph, weightedSampler, zipfWeights } from './generate.graph.js';
import { mix } from './generate.rows.js';
import { elementAt } from '../lib/arrays.js';

export const STATUSES = ['pending', 'ignored', 'accepted', 'withdrawn', 'expired'] as const;
export const KINDS = ['connection', 'page', 'event'] as const;
const [PENDING, IGNORED, ACCEPTED, WITHDRAWN, EXPIRED] = [0, 1, 2, 3, 4];

export interface Targets {
  /** The admin of each page and the organizer of each event (member indexes). */
  pageAdmins: Int32Array;
  eventOrganizers: Int32Array;
}

export interface InvitationPlan {
  count: number;
  /** Sent time, ms since the epoch. */
  sentAt: Float64Array;
  sender: Int32Array;
  recipient: Int32Array;
  /** Page or event index; -1 for a connection invitation. */
  target: Int32Array;
  /** kind * 8 + status */
  code: Uint8Array;
  /** When each connection was made (ms); set for those made by an accepted invitation. */
  connectedAt: Float64Array;
  /** Order of the invitations by sent time. */
  order: Int32Array;
}

export interface PlanInput {
  graph: ConnectionGraph;
  invitations: number;
  targets: Targets;
  /** Members who take page invitations (R21's opt-out). */
  takesPageInvitations: (member: number) => boolean;
  rules: RuleConfig;
  now: number;
  spanDays: number;
  random: () => number;
}

export function kindOf(code: number): (typeof KINDS)[number] {
  return elementAt(KINDS, code >> 3);
}

export function statusOf(code: number): (typeof STATUSES)[number] {
  return elementAt(STATUSES, code & 7);
}

/** When the recipient answered: within a month of sending, and never after `now`. */
export function answeredAt(sentAt: number, now: number, sender: number, recipient: number): number {
  return sentAt + ((mix(sender, recipient) % 1000) / 1000) * Math.min(now - sentAt, 30 * DAY_MS);
}

export function planInvitations(input: PlanInput): InvitationPlan {
  const { graph, rules, now } = input;
  const n = graph.members;
  const start = now - input.spanDays * DAY_MS;
  const capacity = input.invitations;
  const plan: InvitationPlan = {
    count: 0,
    sentAt: new Float64Array(capacity),
    sender: new Int32Array(capacity),
    recipient: new Int32Array(capacity),
    target: new Int32Array(capacity),
    code: new Uint8Array(capacity),
    connectedAt: new Float64Array(graph.edges),
    order: new Int32Array(0),
  };
  const openSent = new Int32Array(n);
  const add: Add = (sender, recipient, target, kind, at, status) => {
    if (plan.count >= capacity) return;
    let final = status;
    if (
      (status === PENDING || status === IGNORED) &&
      elementAt(openSent, sender) >= rules.maxOpenSent - 1
    ) {
      final = WITHDRAWN;
    }
    if (final === PENDING || final === IGNORED) openSent[sender] = elementAt(openSent, sender) + 1;
    const i = plan.count++;
    plan.sentAt[i] = at;
    plan.sender[i] = sender;
    plan.recipient[i] = recipient;
    plan.target[i] = target;
    plan.code[i] = kind * 8 + final;
  };
  const statusByAge: StatusByAge = (at, hash, acceptShare) => {
    const roll = (hash % 1000) / 1000;
    if (roll < acceptShare) return ACCEPTED;
    const rest = (roll - acceptShare) / (1 - acceptShare);
    if (now - at >= rules.expiryDays * DAY_MS) return rest < 0.7 ? EXPIRED : WITHDRAWN;
    return rest < 0.5 ? PENDING : rest < 0.7 ? IGNORED : WITHDRAWN;
  };

  const targetShare = Math.round(input.invitations * 0.08);
  planTargetInvitations(
    input,
    add,
    statusByAge,
    Math.round(targetShare * 0.6),
    Math.round(targetShare * 0.4),
  );
  planConnectionInvitations(input, plan, add, statusByAge, capacity - plan.count);

  plan.order = byTime(plan, start);
  return plan;
}

type Add = (
  sender: number,
  recipient: number,
  target: number,
  kind: number,
  at: number,
  status: number,
) => void;
type StatusByAge = (at: number, hash: number, acceptShare: number) => number;

/** R21, R22: admins and organizers invite their own connections, at most once per page or event. */
function planTargetInvitations(
  input: PlanInput,
  add: Add,
  statusByAge: StatusByAge,
  pageQuota: number,
  eventQuota: number,
) {
  const { graph, rules, now, random } = input;
  const start = now - input.spanDays * DAY_MS;
  const stamp = new Int32Array(graph.members);
  let target = 0;
  const months = Math.ceil(input.spanDays / 30) + 1;
  for (const [kind, owners, quota] of [
    [1, input.targets.pageAdmins, pageQuota],
    [2, input.targets.eventOrganizers, eventQuota],
  ] as const) {
    const perTarget = owners.length === 0 ? 0 : Math.ceil(quota / owners.length);
    for (let t = 0; t < owners.length; t++) {
      target++;
      const owner = elementAt(owners, t);
      const from = elementAt(graph.offsets, owner);
      const degree = elementAt(graph.offsets, owner + 1) - from;
      const monthLimit = Math.floor(rules.pageCreditsPerMonth * 0.8);
      let wanted = Math.min(perTarget, Math.floor(degree * 0.8));
      if (kind === 1) wanted = Math.min(wanted, monthLimit * (months - 1));
      const perMonth = new Map<number, number>();
      for (let k = 0, tries = 0; k < wanted && tries < wanted * 20; tries++) {
        const recipient = elementAt(graph.neighbours, from + Math.floor(random() * degree));
        if (stamp[recipient] === target || (kind === 1 && !input.takesPageInvitations(recipient)))
          continue;
        const at = start + random() * (now - start);
        const month = Math.floor(new Date(at).getUTCFullYear() * 12 + new Date(at).getUTCMonth());
        if (kind === 1 && (perMonth.get(month) ?? 0) >= monthLimit) continue;
        perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
        stamp[recipient] = target;
        add(owner, recipient, t, kind, at, statusByAge(at, mix(owner, recipient ^ (t << 8)), 0.35));
        k++;
      }
    }
  }
}

/**
 * Connection invitations: one accepted invitation for most connections (sent mostly by the less
 * popular side), and more to people not connected, from senders of power-law activity.
 */
function planConnectionInvitations(
  input: PlanInput,
  plan: InvitationPlan,
  add: Add,
  statusByAge: StatusByAge,
  quota: number,
) {
  const { graph, rules, now, random } = input;
  const n = graph.members;
  const start = now - input.spanDays * DAY_MS;
  // Evenly spaced times keep any 7 days of a sender under the weekly limit (R5).
  const perSender = Math.max(
    1,
    Math.floor(((rules.weeklyInvitationLimit - 2) * input.spanDays) / 7),
  );
  const budget = new Int32Array(n).fill(perSender);

  const acceptedOf = new Int32Array(graph.edges).fill(-1);
  const accepting = Math.min(graph.edges, Math.round(quota * 0.35));
  let accepted = 0;
  for (let e = 0; e < graph.edges && accepted < accepting; e++) {
    const u = elementAt(graph.a, e);
    const v = elementAt(graph.b, e);
    const lessPopular = elementAt(graph.popularity, u) <= elementAt(graph.popularity, v) ? u : v;
    const sender = mix(e, 3) % 5 === 0 ? (lessPopular === u ? v : u) : lessPopular;
    if (elementAt(budget, sender) <= 0) continue;
    budget[sender] = elementAt(budget, sender) - 1;
    acceptedOf[e] = sender;
    accepted++;
  }

  const activity = zipfWeights(
    n,
    Math.min(perSender, Math.max(1, quota / 20)),
    Math.max(1, quota - accepted),
    random,
  );
  const extra = new Int32Array(n);
  for (let m = 0; m < n && quota > accepted; m++) {
    extra[m] = Math.min(elementAt(budget, m), Math.floor(elementAt(activity, m) + random()));
  }

  const drawRecipient = weightedSampler(graph.popularity, random);
  const stamp = new Int32Array(n);
  const slots: number[] = [];
  for (let u = 0; u < n; u++) {
    const mine: number[] = [];
    for (let s = elementAt(graph.offsets, u); s < elementAt(graph.offsets, u + 1); s++) {
      if (acceptedOf[elementAt(graph.edgeOf, s)] === u) mine.push(elementAt(graph.edgeOf, s));
    }
    const total = mine.length + elementAt(extra, u);
    if (total === 0) continue;
    const width = (now - start) / total;
    slots.length = 0;
    for (let k = 0; k < total; k++) slots.push(start + (k + random()) * width);
    // Which slots the accepted ones take is left to chance.
    for (let k = total - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [slots[k], slots[j]] = [elementAt(slots, j), elementAt(slots, k)];
    }
    let k = 0;
    for (const e of mine) {
      const at = elementAt(slots, k++);
      const other = graph.a[e] === u ? elementAt(graph.b, e) : elementAt(graph.a, e);
      plan.connectedAt[e] = answeredAt(at, now, u, other);
      stamp[other] = u + 1;
      add(u, other, -1, 0, at, ACCEPTED);
    }
    for (; k < total; k++) {
      const at = elementAt(slots, k);
      for (let attempt = 0; attempt < 30; attempt++) {
        const v = drawRecipient();
        // R3: a pair is only ever invited in one direction, chosen by a hash of the pair.
        const senderSide =
          (mix(Math.min(u, v), Math.max(u, v)) & 1) === 0 ? Math.min(u, v) : Math.max(u, v);
        if (v === u || senderSide !== u || stamp[v] === u + 1 || graph.pairs.has(u, v)) continue;
        stamp[v] = u + 1;
        add(u, v, -1, 0, at, statusByAge(at, mix(u, v), 0));
        break;
      }
    }
  }
}

/** Invitation indexes by sent time, sorted as one Float64Array of (second, index) keys. */
function byTime(plan: InvitationPlan, start: number): Int32Array {
  const bits = Math.max(1, Math.ceil(Math.log2(plan.count + 1)));
  const scale = 2 ** bits;
  const keys = new Float64Array(plan.count);
  for (let i = 0; i < plan.count; i++) {
    keys[i] = Math.floor((elementAt(plan.sentAt, i) - start) / 1000) * scale + i;
  }
  keys.sort();
  const order = new Int32Array(plan.count);
  for (let i = 0; i < plan.count; i++) order[i] = elementAt(keys, i) % scale;
  return order;
}
