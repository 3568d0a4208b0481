import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { describePasswordError } from './password-policy.js';

const weak = (reason: string, detail: string) =>
  new ApiError({ status: 400, code: 'weak_password', reason, detail });

describe('describePasswordError (R27)', () => {
  it('names the handle the server names, which sign-up never showed', () => {
    expect(
      describePasswordError(
        weak('contains_handle', 'A password may not contain your handle, quentin-zed.'),
      ),
    ).toBe('A password may not contain your handle, quentin-zed. Choose another.');
  });

  it('says the other reasons in its own words', () => {
    expect(
      describePasswordError(weak('too_short', 'A password needs at least 10 characters.')),
    ).toBe('Your new password is too short: it needs at least 10 characters.');
  });
});
