/**
 * R35 webhooks as pure rules: which events exist, who may hear each, when a failed delivery is
 * tried again, when a webhook that keeps failing is turned off, and which addresses are public.
 */
import { BlockList, isIP } from 'node:net';
import { DAY_MS, HOUR_MS } from '../../lib/time.js';

export const INVITATION_EVENTS = [
  'invitation.sent',
  'invitation.received',
  'invitation.accepted',
  'invitation.ignored',
  'invitation.withdrawn',
  'invitation.expired',
] as const;
export const CONNECTION_EVENTS = ['connection.created', 'connection.removed'] as const;
export const WEBHOOK_EVENTS = [...INVITATION_EVENTS, ...CONNECTION_EVENTS] as const;

export type InvitationEventType = (typeof INVITATION_EVENTS)[number];
export type ConnectionEventType = (typeof CONNECTION_EVENTS)[number];
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return WEBHOOK_EVENTS.some((type) => type === value);
}

/**
 * Who hears of an invitation event. Kept here, not at each call site, so no caller can tell a
 * sender of an ignore or a recipient of a withdrawal or an expiry; a block has no event at all.
 */
export const INVITATION_AUDIENCE: Record<InvitationEventType, 'sender' | 'recipient' | 'both'> = {
  'invitation.sent': 'sender',
  'invitation.received': 'recipient',
  'invitation.accepted': 'both',
  'invitation.ignored': 'recipient',
  'invitation.withdrawn': 'sender',
  'invitation.expired': 'sender',
};

/** A new connection is news to both; a removal only to the member who removed it (R19). */
export const CONNECTION_AUDIENCE: Record<ConnectionEventType, 'member' | 'both'> = {
  'connection.created': 'both',
  'connection.removed': 'member',
};

export const MAX_WEBHOOKS_PER_MEMBER = 10;
/** Any 2xx is delivered; anything else is tried again for this long after the event. */
export const RETRY_WINDOW_MS = 24 * HOUR_MS;
/** A webhook whose deliveries have failed without a success for this long is turned off. */
export const DISABLE_AFTER_MS = 3 * DAY_MS;
/**
 * Failures further apart than this are not one run: a failing delivery is tried at least hourly
 * for a day, so such a gap means nothing was sent in between, not that the webhook kept failing.
 */
const FAILURE_RUN_GAP_MS = RETRY_WINDOW_MS;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = HOUR_MS;

/**
 * After the `attempts`-th failed try: 1 minute, then twice as long each time up to an hour, until
 * 24 hours after the event. Null when the next try would fall past that.
 */
export function nextWebhookAttemptAt(attempts: number, createdAt: Date, now: Date): Date | null {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  const next = new Date(now.getTime() + wait);
  return next.getTime() - createdAt.getTime() > RETRY_WINDOW_MS ? null : next;
}

/** A failure at `now` starts a new run when the one before it was earlier than this. */
export function failureRunBrokenBefore(now: Date): Date {
  return new Date(now.getTime() - FAILURE_RUN_GAP_MS);
}

/** Whether a webhook failing since `failingSince` has failed long enough to be turned off. */
export function shouldDisable(failingSince: string | null, now: Date): boolean {
  return (
    failingSince !== null && now.getTime() - new Date(failingSince).getTime() >= DISABLE_AFTER_MS
  );
}

/** Loopback, private, link-local, shared, documentation, multicast and reserved ranges. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // The unspecified and loopback addresses, and the deprecated IPv4-compatible ::a.b.c.d.
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IP literal) is reachable on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isPublicAddress(mapped[1]);
  if (/^::ffff:/i.test(address)) return false;
  return !NOT_PUBLIC.check(address, 'ipv6');
}
