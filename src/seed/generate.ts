/**
 * `rapport seed --members N --invitations M [--connections K]`: a large, realistic network for
 * benchmarks and for trying the app at scale. Power-law connections (a few members with
 * thousands, the most connected near the R7 limit), invitations of every kind and state over
 * six months, pages and events, written in batched multi-row transactions.
 *
 * Seed a fresh database: the secondary indexes of empty tables are dropped while loading and
 * built once at the end, and an interrupted run leaves a partial network behind.
 */
import { randomBytes } from 'node:crypto';
import type { RuleConfig } from '../config.js';
import { DAY_MS } from '../lib/time.js';
import { hashPassword } from '../modules/accounts/password.js';
import { connectionGraph } from './generate.graph.js';
import { KINDS, planInvitations, STATUSES, type Targets } from './generate.invitations.js';
import { type Progress, silentProgress } from './generate.progress.js';
import {
  eventName,
  fastId,
  memberHandle,
  memberRow,
  memberSettings,
  pageName,
  randomSource,
} from './generate.rows.js';
import {
  connectionTimes,
  type WriteContext,
  writeConnections,
  writeInvitations,
} from './generate.write.js';
import { type BulkWriter, openBulkWriter, type Row, type SeedTable } from './seed.repository.js';
import { elementAt } from '../lib/arrays.js';

export const SEED_PASSWORD = 'rapport-seed';

export interface GenerateOptions {
  databaseUrl: string;
  members: number;
  invitations: number;
  /** Default: three for every ten invitations. */
  connections?: number;
  rules: RuleConfig;
  now: Date;
  /** The same seed makes the same network (ids and handles aside). */
  seed?: number;
  progress?: Progress;
}

export interface GenerateSummary {
  members: number;
  connections: number;
  invitations: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  notifications: number;
  pages: number;
  events: number;
  mostConnected: { email: string; connections: number };
  /** The suffix of this run's handles ('' on an empty database). */
  tag: string;
  seconds: number;
}

const SPAN_DAYS = 200;
const MEMBER_CHUNK = 20_000;
const LOADED_TABLES: SeedTable[] = [
  'members',
  'invitations',
  'connections',
  'follows',
  'notifications',
  'page_followers',
  'event_attendees',
];

export async function generateNetwork(options: GenerateOptions): Promise<GenerateSummary> {
  const startedAt = Date.now();
  const progress = options.progress ?? silentProgress;
  const { rules } = options;
  const n = options.members;
  const now = options.now.getTime();
  const random = randomSource(options.seed ?? 20260301);
  const writer = await openBulkWriter(options.databaseUrl);
  try {
    const tag = await freeTag(writer);
    const graph = connectionGraph(
      n,
      options.connections ?? Math.round(options.invitations * 0.3),
      rules.maxConnections,
      random,
    );

    // Members joined between three years and seven months ago, in id order.
    const joinedAt = new Float64Array(n);
    const memberIds = new Array<string>(n);
    const joinFrom = now - 3 * 365 * DAY_MS;
    const joinSpan = now - (SPAN_DAYS + 10) * DAY_MS - joinFrom;
    for (let m = 0; m < n; m++) {
      joinedAt[m] = Math.floor(joinFrom + ((m + random()) / n) * joinSpan);
      memberIds[m] = fastId(elementAt(joinedAt, m), random);
    }

    const byPopularity = Array.from({ length: n }, (_, m) => m).sort(
      (x, y) => elementAt(graph.popularity, y) - elementAt(graph.popularity, x),
    );
    const targetCount = Math.min(Math.floor(n / 2), Math.max(3, Math.round(n / 2000)));
    const targets: Targets = {
      pageAdmins: Int32Array.from(byPopularity.slice(0, targetCount)),
      eventOrganizers: Int32Array.from(byPopularity.slice(targetCount, 2 * targetCount)),
    };

    const deferred = await writer.deferIndexes(LOADED_TABLES);
    const passwordHash = await hashPassword(SEED_PASSWORD);
    progress.phase('members', n);
    for (let from = 0; from < n; from += MEMBER_CHUNK) {
      const rows: Row[] = [];
      for (let m = from; m < Math.min(n, from + MEMBER_CHUNK); m++) {
        const at = new Date(elementAt(joinedAt, m)).toISOString();
        rows.push(
          memberRow(
            elementAt(memberIds, m),
            m,
            tag,
            at,
            passwordHash,
            elementAt(graph.degree, m),
            memberSettings(m),
          ),
        );
      }
      await writer.insert('members', rows);
      progress.advance(rows.length);
    }

    const { pageIds, eventIds } = await writeTargets(writer, targets, memberIds, now, random);
    progress.phase('planning', options.invitations);
    const plan = planInvitations({
      graph,
      invitations: options.invitations,
      targets,
      takesPageInvitations: (m) => memberSettings(m).page_invitations,
      rules,
      now,
      spanDays: SPAN_DAYS,
      random,
    });
    progress.advance(plan.count);
    const ctx: WriteContext = {
      writer,
      progress,
      rules,
      now,
      random,
      memberIds,
      pageIds,
      eventIds,
    };
    const credits = await writeInvitations(ctx, plan);
    await writer.insert(
      'page_credits',
      [...credits].map(([key, used]) => [...key.split('|'), used]),
    );
    await writeConnections(ctx, graph, connectionTimes(graph, plan, joinedAt, now));

    progress.phase('indexes', deferred.count);
    await deferred.restore(() => progress.advance(1));
    if (writer.dialect === 'postgres') await writer.analyze();
    progress.end();

    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    const byKind = Object.fromEntries(KINDS.map((k) => [k, 0]));
    let notifications = 0;
    for (let i = 0; i < plan.count; i++) {
      const code = elementAt(plan.code, i);
      const status = elementAt(STATUSES, code & 7);
      const kind = elementAt(KINDS, code >> 3);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (status === 'pending' || status === 'ignored' || status === 'accepted') notifications++;
    }
    const busiest = byPopularity.length > 0 ? elementAt(byPopularity, 0) : -1;
    return {
      members: n,
      connections: graph.edges,
      invitations: plan.count,
      byStatus,
      byKind,
      notifications,
      pages: pageIds.length,
      events: eventIds.length,
      mostConnected: {
        email: busiest >= 0 ? `${memberHandle(busiest, tag)}@example.org` : '',
        connections: busiest >= 0 ? elementAt(graph.degree, busiest) : 0,
      },
      tag,
      seconds: (Date.now() - startedAt) / 1000,
    };
  } finally {
    await writer.close();
  }
}

/**
 * Handles of a run on a database that has members already carry a tag of their own. A run
 * with the same tag would repeat member 0's handle, so checking that one is enough.
 */
async function freeTag(writer: BulkWriter): Promise<string> {
  if ((await writer.count('members')) === 0) return '';
  for (;;) {
    const tag = randomBytes(4).readUInt32BE(0).toString(36).slice(0, 3);
    const first = memberHandle(0, tag);
    if ((await writer.handlesTaken([first])) === 0) return tag;
  }
}

/** Pages with their admin and events with their organizer, all among the most connected. */
async function writeTargets(
  writer: BulkWriter,
  targets: Targets,
  memberIds: string[],
  now: number,
  random: () => number,
): Promise<{ pageIds: string[]; eventIds: string[] }> {
  const pageIds = Array.from(targets.pageAdmins, () => fastId(now - 400 * DAY_MS, random));
  const eventIds = Array.from(targets.eventOrganizers, () => fastId(now - 300 * DAY_MS, random));
  const createdPages = new Date(now - 400 * DAY_MS).toISOString();
  const createdEvents = new Date(now - 300 * DAY_MS).toISOString();
  await writer.insert(
    'pages',
    pageIds.map((id, i) => [
      id,
      pageName(i),
      'A page made by the generator.',
      memberIds[elementAt(targets.pageAdmins, i)],
      createdPages,
    ]),
  );
  await writer.insert(
    'page_admins',
    pageIds.map((id, i) => [id, memberIds[elementAt(targets.pageAdmins, i)]]),
  );
  await writer.insert(
    'events',
    eventIds.map((id, i) => [
      id,
      eventName(i),
      'An event made by the generator.',
      'Online',
      new Date(now + (i % 2 === 0 ? 30 : -90) * DAY_MS).toISOString(),
      memberIds[elementAt(targets.eventOrganizers, i)],
      createdEvents,
    ]),
  );
  await writer.insert(
    'event_organizers',
    eventIds.map((id, i) => [id, memberIds[elementAt(targets.eventOrganizers, i)]]),
  );
  return { pageIds, eventIds };
}
