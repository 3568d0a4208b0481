/**
 * What the write and read scenarios need on top of a network: a population of fresh members
 * with tokens, 10,000 stale invitations for the bulk withdrawal, and members to read as.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { systemClock } from '../src/lib/clock.js';
import { DAY_MS } from '../src/lib/time.js';
import { generateNetwork } from '../src/seed/generate.js';
import { fastId, randomSource } from '../src/seed/generate.rows.js';
import { issueTokens, type TokenHolder } from '../src/seed/generate.tokens.js';
import { openBulkWriter, type Row } from '../src/seed/seed.repository.js';
import {
  membersTagged,
  someMembers,
  withReceived,
  withSent,
  type MemberRef,
} from './bench.repository.js';
import type { Network } from './data.js';
import { elementAt } from '../src/lib/arrays.js';

export const STALE_COUNT = 10_000;
/**
 * The bulk withdrawal is measured once for each of these senders, and the median printed. Each
 * has recipients of its own, as senders mostly do.
 */
export const STALE_SENDERS = 3;
/** The warm-up sender's stale invitations: enough for the clean-up's code to be compiled. */
const WARM_UP_STALE_COUNT = 1_000;
const POPULATION = STALE_COUNT + 500;

export interface Population {
  /** Fresh members, none connected or invited, each with a token; the stale senders excluded. */
  members: TokenHolder[];
  /** Members with STALE_COUNT open invitations each, sent 15 to 60 days ago (R18). */
  staleSenders: TokenHolder[];
  /** A member with WARM_UP_STALE_COUNT of them, whose clean-up warms the server up for the others'. */
  warmUpSender: TokenHolder;
}

/** Adds the population of the write scenarios to a network. */
export async function addPopulation(url: string): Promise<Population> {
  const now = systemClock.now();
  const { rules } = loadConfig({});
  const generate = (members: number, seed: number) =>
    generateNetwork({
      databaseUrl: url,
      members,
      invitations: 0,
      connections: 0,
      rules,
      now,
      seed,
    });
  const population = await generate(POPULATION + STALE_SENDERS + 1, 7);
  // A little more than the senders invite: one generated member in 33 takes invitations only
  // by email or from contacts, and membersTagged leaves those out.
  const invited = await generate(Math.ceil(STALE_SENDERS * STALE_COUNT * 1.05), 8);
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db);
    const members = await issueTokens(url, await membersTagged(database.db, population.tag), now);
    const recipients = await membersTagged(database.db, invited.tag);
    const [warmUpSender, ...senders] = members.slice(0, STALE_SENDERS + 1);
    const rest = members.slice(STALE_SENDERS + 1);
    if (!warmUpSender || recipients.length < STALE_SENDERS * STALE_COUNT)
      throw new Error('the population is too small');
    const stale = senders.map((sender, i) => ({
      sender,
      recipients: recipients.slice(i * STALE_COUNT, (i + 1) * STALE_COUNT),
    }));
    stale.push({ sender: warmUpSender, recipients: rest.slice(0, WARM_UP_STALE_COUNT) });
    await writeStale(url, stale, now);
    return { members: rest, staleSenders: senders, warmUpSender };
  } finally {
    await database.close();
  }
}

/**
 * Pending invitations with their recipients' notifications, as their senders would have left
 * them: written in the order they were sent, the senders' taking turns, so that one sender's
 * rows lie spread among the others' as weeks of sending leave them, not side by side.
 */
async function writeStale(
  url: string,
  stale: { sender: MemberRef; recipients: MemberRef[] }[],
  now: Date,
): Promise<void> {
  const random = randomSource(10);
  const invitations: Row[] = [];
  const notifications: Row[] = [];
  const sending = stale
    .flatMap(({ sender, recipients }) =>
      recipients.map((recipient) => ({
        sender,
        recipient,
        sent: now.getTime() - (15 + random() * 45) * DAY_MS,
      })),
    )
    .sort((a, b) => a.sent - b.sent);
  for (const { sender, recipient, sent } of sending) {
    const at = new Date(sent).toISOString();
    const id = fastId(sent, random);
    const expires = new Date(sent + 180 * DAY_MS).toISOString();
    invitations.push([
      id,
      'connection',
      sender.id,
      recipient.id,
      '',
      'pending',
      null,
      'colleague',
      at,
      at,
      null,
      null,
      null,
      null,
      null,
      0,
      null,
      2,
      expires,
    ]);
    notifications.push([
      fastId(sent, random),
      recipient.id,
      'invitation_received',
      sender.id,
      id,
      at,
      null,
    ]);
  }
  const writer = await openBulkWriter(url);
  try {
    await writer.insert('invitations', invitations);
    await writer.insert('notifications', notifications);
  } finally {
    await writer.close();
  }
}

export interface Viewers {
  received: TokenHolder[];
  /** Recipients with a full first page of `IGNORED_PAGE` ignored invitations (R38). */
  ignored: TokenHolder[];
  sent: TokenHolder[];
  profile: { viewers: TokenHolder[]; others: MemberRef[] };
}

const VIEWERS = 100;
/** Ignored invitations are rarer than pending ones: a small network has few members with 20. */
export const IGNORED_PAGE = 10;

/** The shape of a viewers file this module wrote; anything else is chosen afresh. */
function isViewers(value: unknown): value is Viewers {
  return (
    typeof value === 'object' &&
    value !== null &&
    'received' in value &&
    Array.isArray(value.received) &&
    'sent' in value &&
    Array.isArray(value.sent) &&
    'profile' in value &&
    typeof value.profile === 'object' &&
    value.profile !== null
  );
}

function sample<T>(items: T[], count: number, seed: number): T[] {
  const random = randomSource(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [elementAt(copy, j), elementAt(copy, i)];
  }
  return copy.slice(0, count);
}

/**
 * Members to read as, chosen alike on every network: a sample of those with a full first page
 * of received (or sent) invitations, and random members viewing random profiles. On a cached
 * network the choice and its tokens are kept beside it, so the big file is written once.
 */
export async function viewers(network: Network): Promise<Viewers> {
  const cache = network.cachedFile ? network.cachedFile.replace(/\.db$/, '.viewers.json') : null;
  if (cache && existsSync(cache)) {
    const cached: unknown = JSON.parse(readFileSync(cache, 'utf8'));
    if (isViewers(cached)) return cached;
  }
  const now = systemClock.now();
  const database = openDatabase(network.url);
  try {
    const [received, ignored, sent, readers, others] = await Promise.all([
      withReceived(database.db, 20, 'pending', now.toISOString()),
      withReceived(database.db, IGNORED_PAGE, 'ignored', now.toISOString()),
      withSent(database.db, 20, now.toISOString()),
      someMembers(database.db, VIEWERS),
      someMembers(database.db, 2000),
    ]);
    const chosen: Viewers = {
      received: await issueTokens(network.url, sample(received, VIEWERS, 1), now),
      ignored: await issueTokens(network.url, sample(ignored, VIEWERS, 3), now),
      sent: await issueTokens(network.url, sample(sent, VIEWERS, 2), now),
      profile: { viewers: await issueTokens(network.url, readers, now), others },
    };
    if (cache) writeFileSync(cache, JSON.stringify(chosen));
    return chosen;
  } finally {
    await database.close();
  }
}
