import { describe, expect, it } from 'vitest';
import {
  failureRunBrokenBefore,
  INVITATION_AUDIENCE,
  isPublicAddress,
  nextWebhookAttemptAt,
  shouldDisable,
} from './webhook.js';

describe('webhook rules (R35)', () => {
  it('R35: only public addresses pass', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::127.0.0.1',
      '::7f00:1',
      '::8.8.8.8',
      'not-an-address',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('R35 R15: no invitation event goes to a sender for an ignore, or to a recipient for a withdrawal or an expiry', () => {
    expect(INVITATION_AUDIENCE['invitation.ignored']).toBe('recipient');
    expect(INVITATION_AUDIENCE['invitation.withdrawn']).toBe('sender');
    expect(INVITATION_AUDIENCE['invitation.expired']).toBe('sender');
    expect(Object.keys(INVITATION_AUDIENCE)).not.toContain('invitation.blocked');
  });

  it('R35: retries back off from a minute up to an hour and stop 24 hours after the event', () => {
    const created = new Date('2026-03-02T09:00:00Z');
    const after = (attempts: number, now: Date) =>
      nextWebhookAttemptAt(attempts, created, now)?.getTime() ?? null;
    expect(after(1, created)).toBe(created.getTime() + 60_000);
    expect(after(3, created)).toBe(created.getTime() + 4 * 60_000);
    expect(after(20, created)).toBe(created.getTime() + 60 * 60_000);
    const late = new Date(created.getTime() + 23.5 * 60 * 60_000);
    expect(after(20, late)).toBeNull();
  });

  it('R35: a webhook is turned off after 3 days of failures without a success', () => {
    const since = '2026-03-02T09:00:00.000Z';
    expect(shouldDisable(null, new Date('2026-03-09T09:00:00Z'))).toBe(false);
    expect(shouldDisable(since, new Date('2026-03-05T08:59:59Z'))).toBe(false);
    expect(shouldDisable(since, new Date('2026-03-05T09:00:00Z'))).toBe(true);
  });

  it('R35: a failure more than a day after the one before starts a new run', () => {
    expect(failureRunBrokenBefore(new Date('2026-03-05T09:00:00Z')).toISOString()).toBe(
      '2026-03-04T09:00:00.000Z',
    );
  });
});
