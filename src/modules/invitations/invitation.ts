/**
 * Invitation states and the pure rules over them (SPEC.md §1–2). Nothing here touches storage,
 * so each rule can be tested with plain data and a `now`.
 */
import type { Selectable } from 'kysely';
import type {
  InvitationKind,
  InvitationStatus,
  InvitationTable,
} from '../../db/tables/invitation.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { memberText, trimText } from '../../lib/text.js';
import { addDays, ceilToHour, DAY_MS } from '../../lib/time.js';

export type { InvitationKind, InvitationStatus };

export const KINDS: readonly InvitationKind[] = ['connection', 'page', 'event'];
export const HOW_KNOWN = ['colleague', 'classmate', 'friend', 'other'] as const;
export type HowKnown = (typeof HOW_KNOWN)[number];

/** Open: the invitation can still be answered or withdrawn. */
export const OPEN_STATUSES: readonly InvitationStatus[] = ['pending', 'ignored'];

/**
 * What the sender sees as still pending. An ignore (R11) and a block (R20) are never revealed
 * to the sender, so those invitations stay in the Sent list until they expire or are withdrawn.
 */
export const SENDER_OPEN_STATUSES: readonly InvitationStatus[] = ['pending', 'ignored', 'blocked'];

export const STALE_AFTER_DAYS = 14;
export const WEEK_DAYS = 7;

export type Transition =
  'accept' | 'ignore' | 'withdraw' | 'expire' | 'block' | 'mutual_accept' | 'leave';

/** The states each transition may start from; anything else is refused. */
export const TRANSITION_FROM: Record<Transition, readonly InvitationStatus[]> = {
  // R38: an ignored invitation stays open, so its recipient may still accept it.
  accept: ['pending', 'ignored'],
  ignore: ['pending'],
  // A blocked invitation still looks pending to its sender, so withdrawing it must work like one.
  withdraw: ['pending', 'ignored', 'blocked'],
  expire: ['pending', 'ignored', 'blocked'],
  block: ['pending', 'ignored'],
  // R3: a blocked invitation still stands for its sender's intent once the block is lifted.
  mutual_accept: ['pending', 'ignored', 'blocked'],
  // R29: every invitation still open to a member who leaves, whatever its sender sees.
  leave: ['pending', 'ignored', 'blocked'],
};

/** The state each transition ends in. */
export const TRANSITION_TO: Record<Transition, InvitationStatus> = {
  accept: 'accepted',
  ignore: 'ignored',
  withdraw: 'withdrawn',
  expire: 'expired',
  block: 'blocked',
  mutual_accept: 'accepted',
  // Closed as an expiry is: it leaves both lists and starts no cooldown (R13).
  leave: 'expired',
};

/** The status shown to the sender: ignored and blocked read as pending. */
export function statusForSender(status: InvitationStatus): InvitationStatus {
  return status === 'ignored' || status === 'blocked' ? 'pending' : status;
}

/** R15, R20: what the recipient may no longer see at all answers as if it never existed. */
export function hiddenFromRecipient(status: InvitationStatus): boolean {
  return status === 'withdrawn' || status === 'blocked' || status === 'expired';
}

/** Every state its recipient may still see an invitation in. */
export const RECIPIENT_VISIBLE_STATUSES: readonly InvitationStatus[] = [
  'pending',
  'ignored',
  'accepted',
];

export function expiresAt(sentAt: Date, expiryDays: number): Date {
  return addDays(sentAt, expiryDays);
}

/** A new pending invitation's row: its first reminder (connections only, R12) and expiry (R13) set. */
export function newPendingInvitation(
  input: {
    kind: InvitationKind;
    senderId: string;
    recipientId: string;
    targetId: string;
    note: string | null;
    howKnown: string | null;
    now: Date;
  },
  rules: { reminderDays: number[]; expiryDays: number },
): Selectable<InvitationTable> {
  const { now } = input;
  const at = now.toISOString();
  const remindAt = input.kind === 'connection' ? nextReminderAt(now, rules.reminderDays, 0) : null;
  return {
    id: newId(now),
    kind: input.kind,
    sender_id: input.senderId,
    recipient_id: input.recipientId,
    target_id: input.targetId,
    status: 'pending',
    note: input.note,
    how_known: input.howKnown,
    sent_at: at,
    updated_at: at,
    responded_at: null,
    ignored_at: null,
    ignore_reason: null,
    withdrawn_at: null,
    withdraw_cause: null,
    kept: 0,
    remind_at: remindAt?.toISOString() ?? null,
    reminders_sent: 0,
    expires_at: expiresAt(now, rules.expiryDays).toISOString(),
    frozen_recipient: null,
    frozen_search: null,
  };
}

/** R13: past its expiry, whether or not the expiry job has marked it `expired` yet. */
export function isPastExpiry(expiresAtIso: string, now: Date): boolean {
  return new Date(expiresAtIso) <= now;
}

/** R16: when the sender may invite the same recipient again after withdrawing at `withdrawnAt`. */
export function resendAvailableAt(withdrawnAt: Date, cooldownDays: number): Date {
  return addDays(withdrawnAt, cooldownDays);
}

/** R12: the next reminder after `remindersSent` of them, or null when none is left. */
export function nextReminderAt(
  sentAt: Date,
  reminderDays: number[],
  remindersSent: number,
): Date | null {
  const days = reminderDays[remindersSent];
  return days === undefined ? null : addDays(sentAt, days);
}

/** R5: the rolling window starts seven days before `now`. */
export function weekWindowStart(now: Date): Date {
  return addDays(now, -WEEK_DAYS);
}

/** R5: when the oldest invitation of the window leaves it, one more may be sent. */
export function weeklyRetryAt(oldestInWindow: Date): Date {
  return addDays(oldestInWindow, WEEK_DAYS);
}

export function isStale(sentAt: Date, now: Date, days = STALE_AFTER_DAYS): boolean {
  return now.getTime() - sentAt.getTime() >= days * DAY_MS;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * R4: the length in characters a member sees: "👍🏽", "🇫🇷" and "é" written as e + accent are one
 * each, though they are two code points.
 */
export function visibleLength(text: string): number {
  return [...graphemes.segment(text)].length;
}

/**
 * R4: plain text only, line breaks allowed (SPEC §7 Text); the length is counted in characters
 * a member sees.
 */
export function normaliseNote(note: string | undefined | null, maxLength: number): string | null {
  if (note === undefined || note === null) return null;
  const written = trimText(note);
  if (written === '') return null;
  const trimmed = memberText('note', written, { multiline: true });
  if (visibleLength(trimmed) > maxLength) {
    throw new DomainError('note_too_long', `A note can be at most ${maxLength} characters long.`);
  }
  return trimmed;
}

/**
 * R9: the answer that tips a sender over the threshold starts a restriction. Its end is rounded
 * up to the hour, so the moment of that answer cannot be read from it.
 */
export function restrictionUntil(
  dontKnowCount: number,
  threshold: number,
  now: Date,
  restrictionDays: number,
): Date | null {
  return dontKnowCount >= threshold ? ceilToHour(addDays(now, restrictionDays)) : null;
}

export function isRestricted(restrictedUntil: string | null, now: Date): boolean {
  return restrictedUntil !== null && new Date(restrictedUntil) > now;
}
