import { describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors.js';
import type { InvitationStatus } from './invitation.js';
import { authorizeInvitation, type InvitationAction } from './invitation.policy.js';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const LATER = '2026-09-01T00:00:00.000Z';
const EARLIER = '2026-05-01T00:00:00.000Z';

type Viewer = 'sender' | 'recipient' | 'stranger';
type Outcome = 'sender' | 'recipient' | 403 | 404 | 409;

function outcome(
  viewer: Viewer,
  action: InvitationAction,
  status: InvitationStatus,
  expiresAt = LATER,
): Outcome {
  try {
    return authorizeInvitation(
      viewer,
      action,
      { sender_id: 'sender', recipient_id: 'recipient', status, expires_at: expiresAt },
      NOW,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.status === 403 || error.status === 404 || error.status === 409) return error.status;
    throw error;
  }
}

/**
 * (viewer, action, state) → what the viewer is told. A sender is never told of an ignore or a
 * block (R11, R20); a recipient is told nothing of what was taken away (R15, R17).
 */
const TABLE: Record<
  Viewer,
  Partial<Record<InvitationAction, Partial<Record<InvitationStatus, Outcome>>>>
> = {
  sender: {
    accept: { ignored: 403, pending: 403 },
    ignore: { ignored: 403 },
    keep: { accepted: 409, blocked: 'sender', ignored: 'sender', pending: 'sender' },
    view: { ignored: 'sender', pending: 'sender', withdrawn: 'sender' },
    withdraw: {
      accepted: 409,
      blocked: 'sender',
      expired: 409,
      ignored: 'sender',
      pending: 'sender',
      withdrawn: 409,
    },
  },
  recipient: {
    accept: {
      accepted: 409,
      blocked: 404,
      expired: 404,
      ignored: 'recipient',
      pending: 'recipient',
      withdrawn: 404,
    },
    ignore: { blocked: 404, ignored: 409, pending: 'recipient' },
    keep: { pending: 404 },
    view: {
      accepted: 'recipient',
      blocked: 404,
      expired: 404,
      ignored: 'recipient',
      pending: 'recipient',
      withdrawn: 404,
    },
    withdraw: { pending: 403, withdrawn: 404 },
  },
  stranger: {
    accept: { ignored: 404, pending: 404 },
    keep: { pending: 404 },
    view: { pending: 404 },
    withdraw: { pending: 404 },
  },
};

const VIEWERS: readonly Viewer[] = ['sender', 'recipient', 'stranger'];
const ACTIONS: readonly InvitationAction[] = ['accept', 'ignore', 'keep', 'view', 'withdraw'];
const STATUSES: readonly InvitationStatus[] = [
  'accepted',
  'blocked',
  'expired',
  'ignored',
  'pending',
  'withdrawn',
];

/** The entries of a table row, typed by its keys: those of `keys` the row has, in that order. */
function entriesOf<K extends string, V>(row: Partial<Record<K, V>>, keys: readonly K[]): [K, V][] {
  return keys.flatMap((key): [K, V][] => {
    const value = row[key];
    return value === undefined ? [] : [[key, value]];
  });
}

describe('who may do what to an invitation (CONVENTIONS 14)', () => {
  for (const [viewer, actions] of entriesOf(TABLE, VIEWERS)) {
    for (const [action, states] of entriesOf(actions, ACTIONS)) {
      for (const [status, expected] of entriesOf(states, STATUSES)) {
        it(`${viewer} ${action} on ${status} → ${expected}`, () => {
          expect(outcome(viewer, action, status)).toBe(expected);
        });
      }
    }
  }

  it('R13: past its expiry an open invitation is expired before the job marks it', () => {
    expect(outcome('sender', 'withdraw', 'pending', EARLIER)).toBe(409);
    expect(outcome('sender', 'keep', 'pending', EARLIER)).toBe(409);
    expect(outcome('sender', 'view', 'pending', EARLIER)).toBe('sender');
    expect(outcome('recipient', 'view', 'pending', EARLIER)).toBe(404);
    expect(outcome('recipient', 'accept', 'pending', EARLIER)).toBe(404);
    expect(outcome('recipient', 'accept', 'ignored', EARLIER)).toBe(404);
  });
});
