import { describe, expect, it } from 'vitest';
import type { SentInvitation } from '../../api/types.js';
import { DAY_MS } from '../../lib/time.js';
import {
  isListed,
  listedPending,
  pendingWithdrawals,
  withoutPending,
} from './pending-withdrawals.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');

function sent(id: string, kind: SentInvitation['kind'], daysAgo: number): SentInvitation {
  return {
    id,
    kind,
    status: 'pending',
    sentAt: new Date(NOW - daysAgo * DAY_MS).toISOString(),
    note: null,
    howKnown: null,
    recipient: {
      handle: `m-${id}`,
      name: `M ${id}`,
      headline: '',
      company: '',
      industry: '',
      location: '',
    },
    kept: false,
    target: null,
    resendAvailableAt: new Date(NOW + 21 * DAY_MS).toISOString(),
  };
}

describe('R18 R23: counts while a withdrawal waits for its Undo', () => {
  const waiting = [
    ...pendingWithdrawals(
      [sent('a', 'connection', 20), sent('b', 'page', 20), sent('c', 'connection', 3)],
      '',
      14,
      NOW,
    ).values(),
  ];
  const none = new Set<string>();

  it('takes every waiting invitation off its kind and All, loaded or not', () => {
    const listed = waiting.filter((p) => isListed(p, {}, none));
    expect(withoutPending({ all: 10, connection: 6, page: 3, event: 1 }, listed)).toEqual({
      all: 7,
      connection: 4,
      page: 2,
      event: 1,
    });
  });

  it('under the stale filter, takes off only those that were stale when chosen', () => {
    const listed = waiting.filter((p) => isListed(p, { olderThanDays: 14 }, none));
    expect(listed.map((p) => p.invitation.id)).toEqual(['a', 'b']);
  });

  it('under a search, takes off those chosen under it, and others only once their rows load', () => {
    const searched = pendingWithdrawals([sent('d', 'event', 30)], 'ann', 14, NOW);
    const all = [...waiting, ...searched.values()];
    expect(all.filter((p) => isListed(p, { q: 'ann' }, none)).map((p) => p.invitation.id)).toEqual([
      'd',
    ]);
    expect(
      all.filter((p) => isListed(p, { q: 'ann' }, new Set(['c']))).map((p) => p.invitation.id),
    ).toEqual(['c', 'd']);
  });

  it('an id waiting without its invitation counts for nothing; a loaded one counts under any search', () => {
    expect(listedPending([undefined], { q: 'ann' }, [sent('c', 'connection', 3)])).toEqual([]);
    const listed = listedPending(waiting, { q: 'ann' }, [sent('c', 'connection', 3)]);
    expect(listed.map((p) => p.invitation.id)).toEqual(['c']);
  });

  it('never counts below zero', () => {
    expect(withoutPending({ all: 0, connection: 0, page: 0, event: 0 }, waiting)).toEqual({
      all: 0,
      connection: 0,
      page: 0,
      event: 0,
    });
  });
});
