import { describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors.js';
import {
  expiresAt,
  hiddenFromRecipient,
  isRestricted,
  isStale,
  nextReminderAt,
  normaliseNote,
  OPEN_STATUSES,
  resendAvailableAt,
  restrictionUntil,
  statusForSender,
  visibleLength,
  weeklyRetryAt,
  weekWindowStart,
} from './invitation.js';

const at = (iso: string) => new Date(iso);
const sent = at('2026-03-02T09:00:00.000Z');

function noteError(note: string, max: number): DomainError | null {
  try {
    normaliseNote(note, max);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('open states (SPEC §1)', () => {
  it('open means pending or ignored', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(['ignored', 'pending']);
  });
});

describe('statusForSender (R11, R20: the sender never sees an ignore or a block)', () => {
  it.each([
    ['pending', 'pending'],
    ['ignored', 'pending'],
    ['blocked', 'pending'],
    ['accepted', 'accepted'],
    ['withdrawn', 'withdrawn'],
    ['expired', 'expired'],
  ] as const)('%s reads as %s', (status, shown) => {
    expect(statusForSender(status)).toBe(shown);
  });
});

describe('hiddenFromRecipient (R15, R20, R13)', () => {
  it.each([
    ['pending', false],
    ['ignored', false],
    ['accepted', false],
    ['withdrawn', true],
    ['blocked', true],
    ['expired', true],
  ] as const)('%s hidden: %s', (status, hidden) => {
    expect(hiddenFromRecipient(status)).toBe(hidden);
  });
});

describe('nextReminderAt (R12)', () => {
  it('gives the first reminder 3 days after sending and the second 10 days after', () => {
    expect(nextReminderAt(sent, [3, 10], 0)).toEqual(at('2026-03-05T09:00:00.000Z'));
    expect(nextReminderAt(sent, [3, 10], 1)).toEqual(at('2026-03-12T09:00:00.000Z'));
  });

  it('gives none after the last reminder, and none at all without reminder days', () => {
    expect(nextReminderAt(sent, [3, 10], 2)).toBeNull();
    expect(nextReminderAt(sent, [5], 1)).toBeNull();
    expect(nextReminderAt(sent, [], 0)).toBeNull();
  });

  it('counts from the sending time, not from the previous reminder', () => {
    expect(nextReminderAt(sent, [1, 2], 1)).toEqual(at('2026-03-04T09:00:00.000Z'));
  });
});

describe('normaliseNote (R4)', () => {
  it('no note, or only white space, is no note', () => {
    expect(normaliseNote(undefined, 300)).toBeNull();
    expect(normaliseNote(null, 300)).toBeNull();
    expect(normaliseNote('', 300)).toBeNull();
    expect(normaliseNote(' \n\t ', 300)).toBeNull();
  });

  it('refuses a leading U+FEFF with invalid_text, as every other field does, rather than trimming it away (SPEC §7 Text)', () => {
    for (const note of ['\ufeffHi', ' \ufeff Hi', 'Hi\ufeff', '\ufeff']) {
      expect(noteError(note, 300)?.code, JSON.stringify(note)).toBe('invalid_text');
    }
  });

  it('trims, and keeps plain text as written (markup is text, not stripped)', () => {
    expect(normaliseNote('  <b>Hi</b> & bye \n', 300)).toBe('<b>Hi</b> & bye');
    expect(normaliseNote('line one\nline two', 300)).toBe('line one\nline two');
  });

  it('allows exactly the limit and refuses one more with note_too_long', () => {
    expect(normaliseNote('a'.repeat(300), 300)).toBe('a'.repeat(300));
    const error = noteError('a'.repeat(301), 300);
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('note_too_long');
    expect(error?.status).toBe(400);
  });

  it('counts the limit after trimming', () => {
    expect(normaliseNote(`  ${'a'.repeat(300)}  `, 300)).toBe('a'.repeat(300));
  });

  it('counts an emoji as one character, not as its UTF-16 units or code points', () => {
    const emoji = ['😀', '👍🏽', '🇫🇷', '👩‍👩‍👧‍👦', 'é'];
    for (const e of emoji) expect(visibleLength(e)).toBe(1);
    // 😀 is two UTF-16 units: 300 of them are 600 units but 300 characters.
    expect(normaliseNote('😀'.repeat(300), 300)).toBe('😀'.repeat(300));
    expect(noteError('😀'.repeat(301), 300)?.code).toBe('note_too_long');
    // A skin tone, a flag and a family are several code points but one character each.
    expect(normaliseNote('👍🏽'.repeat(300), 300)).toHaveLength('👍🏽'.length * 300);
    expect(normaliseNote('🇫🇷'.repeat(150) + '👩‍👩‍👧‍👦'.repeat(150), 300)).not.toBeNull();
    expect(noteError('🇫🇷'.repeat(301), 300)?.code).toBe('note_too_long');
  });

  it('follows a configured limit', () => {
    expect(normaliseNote('abcde', 5)).toBe('abcde');
    expect(noteError('abcdef', 5)?.code).toBe('note_too_long');
  });
});

describe('weekly window (R5)', () => {
  it('starts seven days before now', () => {
    expect(weekWindowStart(at('2026-03-09T12:00:00.000Z'))).toEqual(at('2026-03-02T12:00:00.000Z'));
  });

  it('renews when the oldest invitation of the window is seven days old', () => {
    expect(weeklyRetryAt(at('2026-03-02T09:30:00.000Z'))).toEqual(at('2026-03-09T09:30:00.000Z'));
  });
});

describe('restrictionUntil (R9)', () => {
  const now = at('2026-04-01T00:00:00.000Z');

  it('no restriction below the threshold', () => {
    expect(restrictionUntil(0, 5, now, 30)).toBeNull();
    expect(restrictionUntil(4, 5, now, 30)).toBeNull();
  });

  it('the answer that reaches the threshold restricts for restrictionDays from now', () => {
    expect(restrictionUntil(5, 5, now, 30)).toEqual(at('2026-05-01T00:00:00.000Z'));
    expect(restrictionUntil(7, 5, now, 30)).toEqual(at('2026-05-01T00:00:00.000Z'));
    expect(restrictionUntil(1, 1, now, 2)).toEqual(at('2026-04-03T00:00:00.000Z'));
  });

  it('R9: the end is rounded up to the next whole hour', () => {
    const later = at('2026-04-01T10:17:42.123Z');
    expect(restrictionUntil(5, 5, later, 30)).toEqual(at('2026-05-01T11:00:00.000Z'));
    expect(restrictionUntil(5, 5, at('2026-04-01T10:00:00.001Z'), 30)).toEqual(
      at('2026-05-01T11:00:00.000Z'),
    );
  });

  it('isRestricted holds until the end, not at it', () => {
    const until = '2026-05-01T00:00:00.000Z';
    expect(isRestricted(null, now)).toBe(false);
    expect(isRestricted(until, now)).toBe(true);
    expect(isRestricted(until, at(until))).toBe(false);
  });
});

describe('dates of expiry (R13), cooldown (R16) and staleness (R18, R23)', () => {
  it('R13: an invitation expires expiryDays after it was sent', () => {
    expect(expiresAt(sent, 180)).toEqual(at('2026-08-29T09:00:00.000Z'));
  });

  it('R16: a resend is allowed cooldownDays after the withdrawal, to the millisecond', () => {
    const withdrawn = at('2026-03-10T15:45:12.345Z');
    expect(resendAvailableAt(withdrawn, 21)).toEqual(at('2026-03-31T15:45:12.345Z'));
  });

  it('stale from 14 days on', () => {
    expect(isStale(sent, at('2026-03-16T08:59:59.999Z'))).toBe(false);
    expect(isStale(sent, at('2026-03-16T09:00:00.000Z'))).toBe(true);
    expect(isStale(sent, at('2026-03-05T09:00:00.000Z'), 3)).toBe(true);
  });
});
