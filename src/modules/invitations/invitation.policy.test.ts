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
const TABLE: [Viewer, InvitationAction, InvitationStatus, Outcome][] = [
  ['sender', 'view', 'pending', 'sender'],
  ['sender', 'view', 'ignored', 'sender'],
  ['sender', 'view', 'withdrawn', 'sender'],
  ['sender', 'withdraw', 'pending', 'sender'],
  ['sender', 'withdraw', 'ignored', 'sender'],
  ['sender', 'withdraw', 'blocked', 'sender'],
  ['sender', 'withdraw', 'accepted', 409],
  ['sender', 'withdraw', 'withdrawn', 409],
  ['sender', 'withdraw', 'expired', 409],
  ['sender', 'keep', 'pending', 'sender'],
  ['sender', 'keep', 'ignored', 'sender'],
  ['sender', 'keep', 'blocked', 'sender'],
  ['sender', 'keep', 'accepted', 409],
  ['sender', 'accept', 'pending', 403],
  ['sender', 'ignore', 'ignored', 403],
  ['recipient', 'view', 'pending', 'recipient'],
  ['recipient', 'view', 'ignored', 'recipient'],
  ['recipient', 'view', 'accepted', 'recipient'],
  ['recipient', 'view', 'withdrawn', 404],
  ['recipient', 'view', 'blocked', 404],
  ['recipient', 'view', 'expired', 404],
  ['recipient', 'accept', 'pending', 'recipient'],
  ['recipient', 'accept', 'ignored', 'recipient'],
  ['recipient', 'accept', 'blocked', 404],
  ['recipient', 'accept', 'expired', 404],
  ['stranger', 'accept', 'ignored', 404],
  ['sender', 'accept', 'ignored', 403],
  ['recipient', 'accept', 'accepted', 409],
  ['recipient', 'accept', 'withdrawn', 404],
  ['recipient', 'ignore', 'pending', 'recipient'],
  ['recipient', 'ignore', 'ignored', 409],
  ['recipient', 'ignore', 'blocked', 404],
  ['recipient', 'withdraw', 'pending', 403],
  ['recipient', 'withdraw', 'withdrawn', 404],
  ['recipient', 'keep', 'pending', 404],
  ['stranger', 'view', 'pending', 404],
  ['stranger', 'accept', 'pending', 404],
  ['stranger', 'withdraw', 'pending', 404],
  ['stranger', 'keep', 'pending', 404],
];

describe('who may do what to an invitation (CONVENTIONS 14)', () => {
  for (const [viewer, action, status, expected] of TABLE) {
    it(`${viewer} ${action} on ${status} → ${expected}`, () => {
      expect(outcome(viewer, action, status)).toBe(expected);
    });
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
