import { addDays } from '../../lib/time.js';
import type { ServiceDeps } from '../deps.js';
import { STALE_AFTER_DAYS } from '../invitations/invitation.js';
import { type CountsByKind } from '../invitations/invitation.views.repository.js';
import { countSent } from '../invitations/invitation.queries.js';
import { findMemberById } from '../members/member.service.js';
import {
  type AcceptanceByAnswer,
  acceptanceByAnswer,
  acceptanceRate,
  ageRanges,
  INSIGHT_WINDOW_DAYS,
  type TimeToAccept,
  timeToAccept,
} from './insight.js';
import {
  acceptedWaitsSince,
  openAgeCounts,
  type ProfileField,
  sentByAnswerSince,
  sentCohort,
  topAmongConnections,
} from './insight.repository.js';

const TOP = 10;

type Ranking = { value: string; count: number }[];

export interface Insights {
  generatedAt: string;
  open: { total: number; byKind: CountsByKind };
  stale: number;
  acceptedLast90Days: number;
  acceptance: { windowDays: number; sent: number; accepted: number; rate: number | null };
  ageHistogram: { bucket: string; minDays: number; maxDays: number; count: number }[];
  timeToAccept: { windowDays: number } & TimeToAccept;
  acceptanceByAnswer: { windowDays: number } & AcceptanceByAnswer;
  network: { connections: number; byCompany: Ranking; byIndustry: Ranking; byLocation: Ranking };
}

/**
 * A member's own invitation figures and the make-up of their network. Privacy (R11): an ignored
 * invitation counts exactly like an unanswered one, as open and not accepted.
 */
export class InsightService {
  constructor(private readonly deps: ServiceDeps) {}

  async forMember(memberId: string): Promise<Insights> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const windowStart = addDays(now, -INSIGHT_WINDOW_DAYS).toISOString();
    const ranges = ageRanges(now);
    const top = (field: ProfileField) => topAmongConnections(db, memberId, field, TOP);
    const [member, open, cohort, ages, waits, byAnswer, ...network] = await Promise.all([
      findMemberById(db, memberId),
      countSent(db, memberId, at, addDays(now, -STALE_AFTER_DAYS).toISOString()),
      sentCohort(db, memberId, windowStart),
      openAgeCounts(db, memberId, at, ranges),
      acceptedWaitsSince(db, memberId, windowStart),
      sentByAnswerSince(db, memberId, windowStart),
      top('company'),
      top('industry'),
      top('location'),
    ]);
    const { byKind } = open;
    const [byCompany, byIndustry, byLocation] = network;
    return {
      generatedAt: at,
      open: { total: byKind.connection + byKind.page + byKind.event, byKind },
      stale: open.stale,
      acceptedLast90Days: waits.length,
      acceptance: {
        windowDays: INSIGHT_WINDOW_DAYS,
        sent: cohort.sent,
        accepted: cohort.accepted,
        rate: acceptanceRate(cohort.accepted, cohort.sent),
      },
      ageHistogram: ranges.map((r, i) => ({
        bucket: r.label,
        minDays: r.minDays,
        maxDays: r.maxDays,
        count: ages[i] ?? 0,
      })),
      timeToAccept: { windowDays: INSIGHT_WINDOW_DAYS, ...timeToAccept(waits) },
      acceptanceByAnswer: { windowDays: INSIGHT_WINDOW_DAYS, ...acceptanceByAnswer(byAnswer) },
      network: { connections: member?.connection_count ?? 0, byCompany, byIndustry, byLocation },
    };
  }
}
