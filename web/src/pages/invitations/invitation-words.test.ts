import { describe, expect, it } from 'vitest';
import { acceptingSentence, invitedToLine } from './invitation-words.js';

describe('invitedToLine', () => {
  const now = new Date(2026, 11, 4, 12, 0);
  const event = (startsAt: Date) => ({
    id: 'e1',
    name: 'Product breakfast',
    startsAt: startsAt.toISOString(),
    location: 'Berlin',
  });

  it('names an event to come with its day and place', () => {
    expect(invitedToLine('event', event(new Date(2026, 11, 12, 9, 0)), true, now)).toBe(
      'Invited you to Product breakfast · 12 Dec, Berlin',
    );
  });

  it('says so once the event has begun, with the year when it is not this one', () => {
    expect(invitedToLine('event', event(new Date(2026, 11, 4, 9, 0)), true, now)).toBe(
      'Invited you to Product breakfast · 4 Dec, Berlin · past event',
    );
    expect(invitedToLine('event', event(new Date(2025, 10, 20, 9, 0)), false, now)).toBe(
      'Invited to Product breakfast · 20 Nov 2025, Berlin · past event',
    );
  });

  it('leaves pages and connections alone', () => {
    expect(invitedToLine('page', { id: 'p1', name: 'Acme' }, true, now)).toBe(
      'Invited you to follow Acme',
    );
    expect(invitedToLine('connection', null, true, now)).toBeNull();
  });
});

describe('acceptingSentence', () => {
  it('says what accepting does in the words of the kinds selected, and only those', () => {
    expect(acceptingSentence({ connection: 1001 })).toBe(
      'You will be connected with these people.',
    );
    expect(acceptingSentence({ page: 1 })).toBe('You will follow this page.');
    expect(acceptingSentence({ connection: 2, page: 0, event: 1 })).toBe(
      'You will be connected with these people and attend this event.',
    );
    expect(acceptingSentence({ connection: 1, page: 3, event: 2 })).toBe(
      'You will be connected with this person, follow these pages and attend these events.',
    );
  });
});
